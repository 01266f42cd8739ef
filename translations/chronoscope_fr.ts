<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>HeadlineText</name>
    <message>
        <source>keeps time to within 1 ms per day</source>
        <translation>et garde l’heure à 1 ms par jour près</translation>
    </message>
    <message>
        <source>gains about %1 per day</source>
        <extracomment>%1: seconds per day, e.g. &quot;4.3 s&quot;</extracomment>
        <translation>et gagne environ %1 par jour</translation>
    </message>
    <message>
        <source>loses about %1 per day</source>
        <translation>et perd environ %1 par jour</translation>
    </message>
    <message>
        <source>Measuring… waiting for enough replies from the servers</source>
        <translation>Mesure en cours… en attente de suffisamment de réponses des serveurs</translation>
    </message>
    <message>
        <source>No time server answers: check the network or the server list</source>
        <translation>Aucun serveur de temps ne répond : vérifiez le réseau ou la liste des serveurs</translation>
    </message>
    <message>
        <source>Cannot tell the time: %1</source>
        <translation>Impossible de déterminer l’heure : %1</translation>
    </message>
    <message>
        <source>The servers&apos; answers cannot be trusted: no usable majority</source>
        <translation>Les réponses des serveurs ne sont pas fiables : pas de majorité utilisable</translation>
    </message>
    <message>
        <source>Your clock is correct to within %1</source>
        <translation>Votre horloge est juste à %1 près</translation>
    </message>
    <message>
        <source>Your clock is %1 behind (± %2)</source>
        <translation>Votre horloge retarde de %1 (± %2)</translation>
    </message>
    <message>
        <source>Your clock is %1 ahead (± %2)</source>
        <translation>Votre horloge avance de %1 (± %2)</translation>
    </message>
    <message>
        <source>Your clock is %1 behind</source>
        <translation>Votre horloge retarde de %1</translation>
    </message>
    <message>
        <source>Your clock is %1 ahead</source>
        <translation>Votre horloge avance de %1</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <extracomment>Headline and drift, e.g. &quot;Your clock is 12 ms behind (± 3 ms)&quot; + &quot;loses about 4 s per day&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>MeasurementExport</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>No time server answers</source>
        <translation>Aucun serveur de temps ne répond</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n server(s) replies: check the network or the server list.</source>
        <translation>
            <numerusform>Le serveur ne répond pas : vérifiez le réseau ou la liste des serveurs.</numerusform>
            <numerusform>Aucun des %n serveurs ne répond : vérifiez le réseau ou la liste des serveurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time servers answer again</source>
        <translation>Les serveurs de temps répondent à nouveau</translation>
    </message>
    <message>
        <source>Chronoscope is measuring your clock again.</source>
        <translation>Chronoscope mesure à nouveau votre horloge.</translation>
    </message>
    <message>
        <source>Your clock is off by %1</source>
        <translation>Votre horloge est décalée de %1</translation>
    </message>
    <message>
        <source>It is %1 behind the time servers (limit %2).</source>
        <translation>Elle retarde de %1 sur les serveurs de temps (limite %2).</translation>
    </message>
    <message>
        <source>It is %1 ahead of the time servers (limit %2).</source>
        <translation>Elle avance de %1 sur les serveurs de temps (limite %2).</translation>
    </message>
    <message>
        <source>Your clock is back on time</source>
        <translation>Votre horloge est de nouveau à l’heure</translation>
    </message>
    <message>
        <source>The offset is %1, within the limit of %2.</source>
        <translation>Le décalage est de %1, dans la limite de %2.</translation>
    </message>
</context>
<context>
    <name>NtsText</name>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (dans %2)</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (il y a %2)</translation>
    </message>
    <message>
        <source>NTS · negotiating</source>
        <extracomment>Authentication column: NTS key exchange running</extracomment>
        <translation>NTS · négociation</translation>
    </message>
    <message>
        <source>NTS · failed</source>
        <extracomment>Authentication column: the NTS key exchange failed</extracomment>
        <translation>NTS · échec</translation>
    </message>
    <message>
        <source>NTS</source>
        <extracomment>Authentication column: Network Time Security in use</extracomment>
        <translation>NTS</translation>
    </message>
    <message>
        <source>NTS key exchange with %1:%2 failed: %3</source>
        <translation>Échec de l’échange de clés NTS avec %1:%2 : %3</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) authenticated with NTS; keys from %1:%2, %3 cookie(s) left</source>
        <translation>
            <numerusform>%n réponse authentifiée par NTS ; clés obtenues de %1:%2, cookies restants : %3</numerusform>
            <numerusform>%n réponses authentifiées par NTS ; clés obtenues de %1:%2, cookies restants : %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Key exchange</source>
        <translation>Échange de clés</translation>
    </message>
    <message>
        <source>%1 port %2 (%3)</source>
        <translation>%1 port %2 (%3)</translation>
    </message>
    <message>
        <source>Vouched for by</source>
        <translation>Garanti par</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <source>Keys negotiated</source>
        <translation>Clés négociées</translation>
    </message>
    <message>
        <source>Next key exchange</source>
        <translation>Prochain échange de clés</translation>
    </message>
    <message>
        <source>%1, or earlier after a NAK or when the cookies run out</source>
        <translation>%1, ou plus tôt après un NAK ou quand les cookies sont épuisés</translation>
    </message>
    <message>
        <source>Cookies left</source>
        <translation>Cookies restants</translation>
    </message>
    <message>
        <source>%1 of 8</source>
        <translation>%1 sur 8</translation>
    </message>
    <message>
        <source>NTP server</source>
        <translation>Serveur NTP</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 port %2</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Protection</translation>
    </message>
    <message>
        <source>%1 over %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Key exchanges</source>
        <translation>Échanges de clés</translation>
    </message>
    <message>
        <source>%1 (%2 failed, %3 NAK(s))</source>
        <translation>%1 (%2 en échec, %3 NAK)</translation>
    </message>
    <message>
        <source>Last NTS problem (%1): &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Dernier problème NTS (%1) : &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No NTS problem so far.</source>
        <translation>Aucun problème NTS jusqu’ici.</translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message>
        <source>waiting for the first reply</source>
        <translation>en attente de la première réponse</translation>
    </message>
    <message>
        <source>resolving %1</source>
        <extracomment>%1 host name</extracomment>
        <translation>résolution de %1</translation>
    </message>
    <message>
        <source>could not resolve &apos;%1&apos;: %2</source>
        <extracomment>%1 host name, %2 error from the resolver</extracomment>
        <translation>impossible de résoudre « %1 » : %2</translation>
    </message>
    <message>
        <source>key %1 is not in the key store or key file; nothing is sent without it</source>
        <translation>la clé %1 n’est ni dans le magasin de clés ni dans le fichier de clés ; rien n’est envoyé sans elle</translation>
    </message>
    <message>
        <source>cannot compute the MAC with key %1: %2</source>
        <translation>impossible de calculer le MAC avec la clé %1 : %2</translation>
    </message>
    <message>
        <source>reply not usable: %1 (%2)</source>
        <extracomment>%1 why the reply was rejected, %2 detail</extracomment>
        <translation>réponse inutilisable : %1 (%2)</translation>
    </message>
    <message>
        <source>authentication failed: %1 (%2)</source>
        <translation>échec de l’authentification : %1 (%2)</translation>
    </message>
    <message>
        <source>server denied access (kiss code DENY); no longer polling it</source>
        <translation>le serveur refuse l’accès (code kiss DENY) ; il n’est plus interrogé</translation>
    </message>
    <message>
        <source>server restricts access (kiss code RSTR); no longer polling it</source>
        <translation>le serveur restreint l’accès (code kiss RSTR) ; il n’est plus interrogé</translation>
    </message>
    <message>
        <source>server asked us to poll less often (kiss code RATE); next poll in %1</source>
        <extracomment>%1 duration, e.g. &quot;64 s&quot;</extracomment>
        <translation>le serveur demande des interrogations moins fréquentes (code kiss RATE) ; prochaine interrogation dans %1</translation>
    </message>
    <message>
        <source>server sent kiss code %1</source>
        <translation>le serveur a envoyé le code kiss %1</translation>
    </message>
    <message>
        <source>the server no longer accepts our NTS cookies; negotiating new keys</source>
        <translation>le serveur n’accepte plus nos cookies NTS ; négociation de nouvelles clés</translation>
    </message>
    <message>
        <source>NTS key exchange with %1 port %2</source>
        <extracomment>%1 host, %2 port</extracomment>
        <translation>échange de clés NTS avec %1 port %2</translation>
    </message>
    <message>
        <source>NTS keys negotiated; waiting for the first authentic reply</source>
        <translation>clés NTS négociées ; en attente de la première réponse authentique</translation>
    </message>
    <message>
        <source>NTS key exchange with %1 port %2 failed: %3 (%4)</source>
        <extracomment>%1 host, %2 port, %3 why, %4 detail</extracomment>
        <translation>échec de l’échange de clés NTS avec %1 port %2 : %3 (%4)</translation>
    </message>
    <message>
        <source>no authentic reply; rejected: %1 (%2)</source>
        <translation>aucune réponse authentique ; rejetée : %1 (%2)</translation>
    </message>
    <message>
        <source>no reply to requests authenticated with key %1 (%2): the key is likely wrong or unknown to the server, or the server is down</source>
        <extracomment>%1 key id, %2 key type</extracomment>
        <translation>aucune réponse aux requêtes authentifiées avec la clé %1 (%2) : la clé est probablement erronée ou inconnue du serveur, ou le serveur est arrêté</translation>
    </message>
    <message>
        <source>connection refused: nothing answers NTP on port %1</source>
        <translation>connexion refusée : rien ne répond en NTP sur le port %1</translation>
    </message>
    <message>
        <source>no valid reply; rejected: %1 (%2)</source>
        <translation>aucune réponse valide ; rejetée : %1 (%2)</translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation>erreur réseau : %1</translation>
    </message>
    <message numerus="yes">
        <source>no reply to the last %n request(s)</source>
        <extracomment>%n number of requests (1 to 8)</extracomment>
        <translation>
            <numerusform>aucune réponse à la dernière requête</numerusform>
            <numerusform>aucune réponse aux %n dernières requêtes</numerusform>
        </translation>
    </message>
    <message>
        <source>no reply within %1</source>
        <extracomment>%1 duration, e.g. &quot;1 s&quot;</extracomment>
        <translation>aucune réponse en %1</translation>
    </message>
    <message>
        <source>only invalid replies: %1 (%2)</source>
        <translation>uniquement des réponses invalides : %1 (%2)</translation>
    </message>
    <message>
        <source>measured but never used (noselect)</source>
        <translation>mesuré mais jamais utilisé (noselect)</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>no valid sample yet</source>
        <translation>pas encore de mesure valide</translation>
    </message>
    <message>
        <source>the server says its clock is not synchronised</source>
        <translation>le serveur indique que son horloge n’est pas synchronisée</translation>
    </message>
    <message>
        <source>stratum %1: the server is not synchronised</source>
        <translation>stratum %1 : le serveur n’est pas synchronisé</translation>
    </message>
    <message>
        <source>root distance %1 is above the %2 limit</source>
        <extracomment>%1 root distance, %2 limit, e.g. &quot;1.6 s&quot;</extracomment>
        <translation>la distance racine %1 dépasse la limite de %2</translation>
    </message>
    <message>
        <source>jitter %1 is above the %2 limit</source>
        <translation>la gigue %1 dépasse la limite de %2</translation>
    </message>
    <message>
        <source>no majority: the %1 usable servers do not agree</source>
        <translation>pas de majorité : les %1 serveurs utilisables ne concordent pas</translation>
    </message>
    <message>
        <source>disagrees with the trusted server(s)</source>
        <translation>en désaccord avec les serveurs de confiance</translation>
    </message>
    <message numerus="yes">
        <source>disagrees with %n other server(s)</source>
        <extracomment>%n number of other servers</extracomment>
        <translation>
            <numerusform>en désaccord avec %n autre serveur</numerusform>
            <numerusform>en désaccord avec %n autres serveurs</numerusform>
        </translation>
    </message>
    <message>
        <source>only %1 server(s) agree; at least %2 are required (minsources)</source>
        <extracomment>%1 servers that agree, %2 servers required</extracomment>
        <translation>seuls %1 serveurs concordent ; au moins %2 sont requis (minsources)</translation>
    </message>
    <message>
        <source>waiting for a required server to become usable (require)</source>
        <translation>en attente qu’un serveur requis devienne utilisable (require)</translation>
    </message>
    <message>
        <source>not combined: a preferred server is available</source>
        <translation>non combiné : un serveur préféré est disponible</translation>
    </message>
    <message>
        <source>not combined: offset %1 is too far from the others</source>
        <extracomment>%1 offset, e.g. &quot;12.3 ms&quot;</extracomment>
        <translation>non combiné : le décalage %1 est trop éloigné des autres</translation>
    </message>
    <message>
        <source>no servers configured</source>
        <translation>aucun serveur configuré</translation>
    </message>
    <message>
        <source>no server is usable</source>
        <translation>aucun serveur n’est utilisable</translation>
    </message>
    <message>
        <source>no majority: the usable servers disagree with each other</source>
        <translation>pas de majorité : les serveurs utilisables se contredisent</translation>
    </message>
    <message>
        <source>reply came from a different address or port</source>
        <translation>la réponse venait d’une autre adresse ou d’un autre port</translation>
    </message>
    <message>
        <source>malformed packet</source>
        <translation>paquet malformé</translation>
    </message>
    <message>
        <source>not a server reply</source>
        <translation>pas une réponse de serveur</translation>
    </message>
    <message>
        <source>reply without an outstanding request</source>
        <translation>réponse sans requête en attente</translation>
    </message>
    <message>
        <source>origin timestamp does not match our request</source>
        <translation>l’horodatage d’origine ne correspond pas à notre requête</translation>
    </message>
    <message>
        <source>duplicate of an earlier reply</source>
        <translation>doublon d’une réponse antérieure</translation>
    </message>
    <message>
        <source>reply carries a zero timestamp</source>
        <translation>la réponse contient un horodatage nul</translation>
    </message>
    <message>
        <source>kiss-o&apos;-death</source>
        <translation>kiss-o’-death</translation>
    </message>
    <message>
        <source>server says its clock is not synchronised</source>
        <translation>le serveur indique que son horloge n’est pas synchronisée</translation>
    </message>
    <message>
        <source>stratum 0 without a kiss code</source>
        <translation>stratum 0 sans code kiss</translation>
    </message>
    <message>
        <source>server is unsynchronised (stratum 16)</source>
        <translation>le serveur n’est pas synchronisé (stratum 16)</translation>
    </message>
    <message>
        <source>root distance of 16 s or more</source>
        <translation>distance racine de 16 s ou plus</translation>
    </message>
    <message>
        <source>server timestamps are inconsistent</source>
        <translation>les horodatages du serveur sont incohérents</translation>
    </message>
    <message>
        <source>round-trip delay above the limit</source>
        <translation>délai aller-retour au-delà de la limite</translation>
    </message>
    <message>
        <source>reply is not authenticated</source>
        <translation>la réponse n’est pas authentifiée</translation>
    </message>
    <message>
        <source>reply is authenticated with another key</source>
        <translation>la réponse est authentifiée avec une autre clé</translation>
    </message>
    <message>
        <source>reply failed authentication (MAC does not verify)</source>
        <translation>échec de l’authentification de la réponse (le MAC ne correspond pas)</translation>
    </message>
    <message>
        <source>server refused our key (crypto-NAK)</source>
        <translation>le serveur refuse notre clé (crypto-NAK)</translation>
    </message>
    <message>
        <source>no key to authenticate the request with</source>
        <translation>aucune clé pour authentifier la requête</translation>
    </message>
    <message>
        <source>no reply in time</source>
        <translation>pas de réponse à temps</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>erreur réseau</translation>
    </message>
    <message>
        <source>held back as a popcorn spike</source>
        <translation>retenu comme pic isolé</translation>
    </message>
    <message>
        <source>the key-exchange server&apos;s name does not resolve</source>
        <translation>le nom du serveur d’échange de clés ne se résout pas</translation>
    </message>
    <message>
        <source>cannot connect to the key-exchange server</source>
        <translation>impossible de se connecter au serveur d’échange de clés</translation>
    </message>
    <message>
        <source>the key exchange did not finish in time</source>
        <translation>l’échange de clés ne s’est pas terminé à temps</translation>
    </message>
    <message>
        <source>the TLS handshake with the key-exchange server failed</source>
        <translation>la négociation TLS avec le serveur d’échange de clés a échoué</translation>
    </message>
    <message>
        <source>the key-exchange server does not offer TLS 1.3</source>
        <translation>le serveur d’échange de clés ne propose pas TLS 1.3</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not signed by a trusted authority</source>
        <translation>le certificat du serveur n’est pas signé par une autorité de confiance</translation>
    </message>
    <message>
        <source>the server&apos;s certificate has expired or is not yet valid</source>
        <translation>le certificat du serveur a expiré ou n’est pas encore valide</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is for a different host name</source>
        <translation>le certificat du serveur a été émis pour un autre nom d’hôte</translation>
    </message>
    <message>
        <source>the server does not speak the NTS key-exchange protocol</source>
        <translation>le serveur ne parle pas le protocole d’échange de clés NTS</translation>
    </message>
    <message>
        <source>the key-exchange reply is malformed</source>
        <translation>la réponse d’échange de clés est malformée</translation>
    </message>
    <message>
        <source>the key-exchange server refused the request</source>
        <translation>le serveur d’échange de clés a refusé la requête</translation>
    </message>
    <message>
        <source>the key-exchange server sent a warning</source>
        <translation>le serveur d’échange de clés a envoyé un avertissement</translation>
    </message>
    <message>
        <source>the key-exchange reply has a critical record we do not know</source>
        <translation>la réponse d’échange de clés contient un enregistrement critique inconnu</translation>
    </message>
    <message>
        <source>the key-exchange server offered nothing usable (no NTPv4, algorithm or cookies)</source>
        <translation>le serveur d’échange de clés n’a rien proposé d’utilisable (ni NTPv4, ni algorithme, ni cookies)</translation>
    </message>
    <message>
        <source>no NTS cookies left</source>
        <translation>plus aucun cookie NTS</translation>
    </message>
    <message>
        <source>the server no longer accepts our cookies (NTS NAK); new keys are negotiated</source>
        <translation>le serveur n’accepte plus nos cookies (NTS NAK) ; de nouvelles clés sont négociées</translation>
    </message>
    <message>
        <source>reply does not answer our request (NTS unique identifier)</source>
        <translation>la réponse ne correspond pas à notre requête (identifiant unique NTS)</translation>
    </message>
    <message>
        <source>reply without an NTS authenticator</source>
        <translation>réponse sans authentificateur NTS</translation>
    </message>
    <message>
        <source>reply&apos;s NTS authenticator is wrong</source>
        <translation>l’authentificateur NTS de la réponse est incorrect</translation>
    </message>
    <message>
        <source>reply&apos;s NTS extension fields are malformed</source>
        <translation>les champs d’extension NTS de la réponse sont malformés</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>Duration: %1 a number in the user&apos;s locale</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>&amp;Host or address:</source>
        <translation>&amp;Hôte ou adresse :</translation>
    </message>
    <message>
        <source>ntp.example.org or 192.0.2.1</source>
        <translation>ntp.example.org ou 192.0.2.1</translation>
    </message>
    <message>
        <source>Host or address</source>
        <translation>Hôte ou adresse</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Single server</source>
        <translation>Serveur unique</translation>
    </message>
    <message>
        <source>Pool (use up to 4 of its addresses)</source>
        <translation>Pool (utiliser jusqu’à 4 de ses adresses)</translation>
    </message>
    <message>
        <source>Mi&amp;nimum poll:</source>
        <translation>Intervalle mi&amp;nimal :</translation>
    </message>
    <message>
        <source>Minimum poll (log2 seconds)</source>
        <translation>Intervalle minimal (log2 secondes)</translation>
    </message>
    <message>
        <source>Ma&amp;ximum poll:</source>
        <translation>Intervalle ma&amp;ximal :</translation>
    </message>
    <message>
        <source>Maximum poll (log2 seconds)</source>
        <translation>Intervalle maximal (log2 secondes)</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clé :</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Key id (0 for none)</source>
        <translation>Numéro de clé (0 pour aucune)</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options :</translation>
    </message>
    <message>
        <source>&amp;iburst: send a quick burst at start-up</source>
        <translation>&amp;iburst : envoyer une rafale rapide au démarrage</translation>
    </message>
    <message>
        <source>&amp;prefer: favour this server when it agrees with the others</source>
        <translation>&amp;prefer : privilégier ce serveur s’il s’accorde avec les autres</translation>
    </message>
    <message>
        <source>&amp;noselect: measure and show, never use for the system time</source>
        <translation>&amp;noselect : mesurer et afficher, jamais utiliser pour l’heure système</translation>
    </message>
    <message>
        <source>&amp;trust: never mark this server a falseticker</source>
        <translation>&amp;trust : ne jamais classer ce serveur comme faux</translation>
    </message>
    <message>
        <source>x&amp;leave: ask for the server&apos;s precise transmit time (interleaved mode)</source>
        <translation>x&amp;leave : demander l’heure d’émission précise du serveur (mode entrelacé)</translation>
    </message>
    <message>
        <source>Problem with the input</source>
        <translation>Problème de saisie</translation>
    </message>
    <message>
        <source>T&amp;est this server</source>
        <translation>&amp;Tester ce serveur</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Résultat du test</translation>
    </message>
    <message>
        <source>NTS:</source>
        <translation>NTS :</translation>
    </message>
    <message>
        <source>Use &amp;NTS (authenticated, no shared key)</source>
        <translation>&amp;Utiliser NTS (authentifié, sans clé partagée)</translation>
    </message>
    <message>
        <source>Use Network Time Security</source>
        <translation>Utiliser Network Time Security</translation>
    </message>
    <message>
        <source>key exchange port </source>
        <translation>port d’échange de clés </translation>
    </message>
    <message>
        <source>NTS key exchange port</source>
        <translation>Port d’échange de clés NTS</translation>
    </message>
</context>
<context>
    <name>ServerState</name>
    <message>
        <source>system peer</source>
        <translation>pair système</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>candidat</translation>
    </message>
    <message>
        <source>outlier</source>
        <translation>aberrant</translation>
    </message>
    <message>
        <source>falseticker</source>
        <translation>faux</translation>
    </message>
    <message>
        <source>jittery</source>
        <translation>instable</translation>
    </message>
    <message>
        <source>unusable</source>
        <translation>inutilisable</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>rate-limited</source>
        <translation>limité en débit</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>accès refusé</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>échec de l’authentification</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>Your clock is off by %1 (± %2). Chronoscope will slew it: the clock runs slightly fast or slow until the difference is gone, without ever jumping.</source>
        <extracomment>%1 signed offset (&quot;+183 ms&quot;), %2 error bound (&quot;1.2 ms&quot;)</extracomment>
        <translation>Votre horloge est décalée de %1 (± %2). Chronoscope va la corriger en douceur : l’horloge avance un peu plus vite ou plus lentement jusqu’à résorber l’écart, sans jamais sauter.</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>en avant</translation>
    </message>
    <message>
        <source>back</source>
        <translation>en arrière</translation>
    </message>
    <message>
        <source>Your clock is off by %2 (± %3). Chronoscope will step it %1 at once: the time jumps.</source>
        <extracomment>%1 &quot;forward&quot;/&quot;back&quot;, %2 signed offset, %3 error bound</extracomment>
        <translation>Votre horloge est décalée de %2 (± %3). Chronoscope va la régler %1 d’un coup : l’heure saute.</translation>
    </message>
    <message>
        <source>%1 of %2 servers agree on this time.</source>
        <extracomment>%1 agreeing servers, %2 answering servers, %3 system peer name</extracomment>
        <translation>%1 serveurs sur %2 s’accordent sur cette heure.</translation>
    </message>
    <message>
        <source>Best server: %1.</source>
        <translation>Meilleur serveur : %1.</translation>
    </message>
    <message>
        <source>There is nothing to synchronise to: no majority of servers agrees on the time.</source>
        <translation>Rien sur quoi se synchroniser : aucune majorité de serveurs ne s’accorde sur l’heure.</translation>
    </message>
    <message>
        <source>Your clock is already correct to within the measurement&apos;s error bound (%1 ± %2).</source>
        <translation>Votre horloge est déjà juste, à la précision de la mesure près (%1 ± %2).</translation>
    </message>
    <message>
        <source>The servers are more than ten years away from your clock. Check the servers before changing anything.</source>
        <translation>Les serveurs sont à plus de dix ans de votre horloge. Vérifiez les serveurs avant de changer quoi que ce soit.</translation>
    </message>
    <message>
        <source>systemd-timesyncd is running and will undo this change at its next poll. Turn it off first with “timedatectl set-ntp false”, or let it keep the clock.</source>
        <translation>systemd-timesyncd est actif et annulera ce changement à sa prochaine interrogation. Désactivez-le d’abord avec « timedatectl set-ntp false », ou laissez-lui l’horloge.</translation>
    </message>
    <message>
        <source>chronyd is running and will pull the clock back to its own estimate. Let chrony correct the clock (“chronyc makestep”), or stop it first.</source>
        <translation>chronyd est actif et ramènera l’horloge à sa propre estimation. Laissez chrony corriger l’horloge (« chronyc makestep »), ou arrêtez-le d’abord.</translation>
    </message>
    <message>
        <source>%1 is running and will undo this change. Stop it first, or let it keep the clock.</source>
        <translation>%1 est actif et annulera ce changement. Arrêtez-le d’abord, ou laissez-lui l’horloge.</translation>
    </message>
    <message>
        <source>The kernel reports that another program already disciplines the clock; it may undo this change.</source>
        <translation>Le noyau indique qu’un autre programme règle déjà l’horloge ; il pourrait annuler ce changement.</translation>
    </message>
    <message>
        <source>Simulated: the helper&apos;s test clock was changed by %1; your clock was not.</source>
        <translation>Simulation : l’horloge de test de l’assistant a été modifiée de %1 ; la vôtre non.</translation>
    </message>
    <message>
        <source>The clock is being slewed by %1.</source>
        <translation>L’horloge est corrigée en douceur de %1.</translation>
    </message>
    <message>
        <source>The clock was stepped by %1.</source>
        <translation>L’horloge a été réglée de %1.</translation>
    </message>
    <message>
        <source>Dry run: the helper accepted a change of %1 and changed nothing.</source>
        <translation>Essai à blanc : l’assistant a accepté un changement de %1 et n’a rien modifié.</translation>
    </message>
    <message>
        <source>Cancelled: the password prompt was closed. The clock was not changed.</source>
        <translation>Annulé : la demande de mot de passe a été fermée. L’horloge n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>The offset changed while you confirmed it. Please review the new proposal.</source>
        <translation>Le décalage a changé pendant votre confirmation. Veuillez examiner la nouvelle proposition.</translation>
    </message>
    <message>
        <source>Refused: the change was not confirmed. The clock was not changed.</source>
        <translation>Refusé : le changement n’a pas été confirmé. L’horloge n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Refused: the clock was changed moments ago. Wait a few seconds and try again.</source>
        <translation>Refusé : l’horloge vient d’être modifiée. Attendez quelques secondes et réessayez.</translation>
    </message>
    <message>
        <source>Refused: the measurement was too old when it reached the helper. Try again.</source>
        <translation>Refusé : la mesure était trop ancienne en arrivant à l’assistant. Réessayez.</translation>
    </message>
    <message>
        <source>Refused: the resulting date would be impossible (before this version was built, or after 2100).</source>
        <translation>Refusé : la date obtenue serait impossible (avant la compilation de cette version, ou après 2100).</translation>
    </message>
    <message>
        <source>Refused by the helper (%1). The clock was not changed.</source>
        <extracomment>%1 technical reason (&quot;out_of_range&quot;)</extracomment>
        <translation>Refusé par l’assistant (%1). L’horloge n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Failed: you are not authorised to change the clock. The clock was not changed.</source>
        <translation>Échec : vous n’êtes pas autorisé à modifier l’horloge. L’horloge n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Failed: the clock helper could not be used (%1). The clock was not changed.</source>
        <extracomment>%1 technical detail</extracomment>
        <translation>Échec : l’assistant d’horloge n’a pas pu être utilisé (%1). L’horloge n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Failed: the system refused the change: %1 (error %2).</source>
        <extracomment>%1 system error text, %2 errno</extracomment>
        <translation>Échec : le système a refusé le changement : %1 (erreur %2).</translation>
    </message>
    <message>
        <source>Verification failed: no majority of servers agreed on the time afterwards.</source>
        <translation>Vérification échouée : aucune majorité de serveurs ne s’accordait ensuite sur l’heure.</translation>
    </message>
    <message>
        <source>Checked: your clock is now %1 from the servers (± %2); the slew continues in the background.</source>
        <extracomment>%1 signed offset, %2 error bound</extracomment>
        <translation>Vérifié : votre horloge est maintenant à %1 des serveurs (± %2) ; la correction continue en arrière-plan.</translation>
    </message>
    <message>
        <source>Verified: your clock is now %1 from the servers (± %2).</source>
        <translation>Vérifié : votre horloge est maintenant à %1 des serveurs (± %2).</translation>
    </message>
    <message>
        <source>Yes, make the clock jump by %1</source>
        <extracomment>%1 signed offset (&quot;+2.304 s&quot;)</extracomment>
        <translation>Oui, faire sauter l’horloge de %1</translation>
    </message>
</context>
<context>
    <name>SystemServiceComparison</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>not measured by Chronoscope</source>
        <translation>non mesuré par Chronoscope</translation>
    </message>
    <message>
        <source>Chronoscope: %1</source>
        <translation>Chronoscope : %1</translation>
    </message>
    <message>
        <source>%1 away from the majority (Chronoscope: %2)</source>
        <translation>à %1 de la majorité (Chronoscope : %2)</translation>
    </message>
    <message>
        <source>agrees, %1 from the majority (Chronoscope: %2)</source>
        <translation>concorde, à %1 de la majorité (Chronoscope : %2)</translation>
    </message>
    <message>
        <source>%1 follows %2, which Chronoscope measures %3 away from the majority.</source>
        <translation>%1 suit %2, que Chronoscope mesure à %3 de la majorité.</translation>
    </message>
    <message>
        <source>%1 combines %2 into its time, which Chronoscope measures %3 away from the majority.</source>
        <translation>%1 intègre %2 à son heure, que Chronoscope mesure à %3 de la majorité.</translation>
    </message>
    <message>
        <source>%1 rejects %2 as a falseticker, but Chronoscope finds it within %3 of the majority.</source>
        <translation>%1 rejette %2 comme faux-tic, mais Chronoscope le mesure à moins de %3 de la majorité.</translation>
    </message>
    <message>
        <source>%1 reports no sources.</source>
        <translation>%1 ne signale aucune source.</translation>
    </message>
    <message>
        <source>Chronoscope does not measure any of %1&apos;s sources: add them to the server list to compare.</source>
        <translation>Chronoscope ne mesure aucune des sources de %1 : ajoutez-les à la liste des serveurs pour comparer.</translation>
    </message>
    <message>
        <source>Chronoscope has no majority yet to compare with.</source>
        <translation>Chronoscope n&apos;a pas encore de majorité pour comparer.</translation>
    </message>
    <message>
        <source>%1 and Chronoscope agree: %1 follows %2, which Chronoscope finds in the majority.</source>
        <translation>%1 et Chronoscope concordent : %1 suit %2, que Chronoscope trouve dans la majorité.</translation>
    </message>
    <message>
        <source>%1 and Chronoscope agree about the sources both measure.</source>
        <translation>%1 et Chronoscope concordent sur les sources que tous deux mesurent.</translation>
    </message>
</context>
<context>
    <name>TimeServiceTexts</name>
    <message>
        <source>the NTS-KE port %1 cannot be written to %2&apos;s configuration (only the default port, 4460)</source>
        <extracomment>%1 a TCP port number, %2 the daemon (&quot;chronyd&quot;)</extracomment>
        <translation>le port NTS-KE %1 ne peut pas être écrit dans la configuration de %2 (seulement le port par défaut, 4460)</translation>
    </message>
    <message>
        <source>the option &quot;%1&quot; cannot be written to %2&apos;s configuration; remove it from the server to apply the list</source>
        <extracomment>%1 an option word kept in English (&quot;noselect&quot;, &quot;trust&quot;, &quot;require&quot;), %2 the daemon</extracomment>
        <translation>l’option « %1 » ne peut pas être écrite dans la configuration de %2 ; retirez-la du serveur pour appliquer la liste</translation>
    </message>
    <message>
        <source>the server list is empty</source>
        <translation>la liste des serveurs est vide</translation>
    </message>
    <message>
        <source>%1 servers are more than the %2 that can be applied at once</source>
        <translation>%1 serveurs, c’est plus que les %2 qui peuvent être appliqués en une fois</translation>
    </message>
    <message>
        <source>the host name is empty</source>
        <translation>le nom d’hôte est vide</translation>
    </message>
    <message>
        <source>the host name is longer than %1 characters</source>
        <translation>le nom d’hôte dépasse %1 caractères</translation>
    </message>
    <message>
        <source>a host name may contain only letters, digits, &quot;-&quot; and &quot;.&quot; (or be an IP address)</source>
        <translation>un nom d’hôte ne peut contenir que des lettres, des chiffres, « - » et « . » (ou être une adresse IP)</translation>
    </message>
    <message>
        <source>this is not a valid host name (an empty or over-long part, &quot;-&quot; at either end, or only digits at the end)</source>
        <translation>ce n’est pas un nom d’hôte valide (une partie vide ou trop longue, « - » à une extrémité, ou seulement des chiffres à la fin)</translation>
    </message>
    <message>
        <source>this is not a valid IP address</source>
        <translation>ce n’est pas une adresse IP valide</translation>
    </message>
    <message>
        <source>the poll interval %1 is outside %2…%3 (log2 seconds)</source>
        <translation>l’intervalle d’interrogation %1 est hors de %2…%3 (log2 secondes)</translation>
    </message>
    <message>
        <source>minpoll is above maxpoll</source>
        <translation>minpoll est supérieur à maxpoll</translation>
    </message>
    <message>
        <source>minpoll %1 is below %2 (64 s), which is allowed only for servers on this computer</source>
        <translation>minpoll %1 est inférieur à %2 (64 s), ce qui n’est permis que pour les serveurs de cet ordinateur</translation>
    </message>
    <message>
        <source>the poll fields are inconsistent</source>
        <translation>les champs d’interrogation se contredisent</translation>
    </message>
    <message>
        <source>NTS and a symmetric key exclude each other</source>
        <translation>NTS et une clé symétrique s’excluent</translation>
    </message>
    <message>
        <source>key %1 is above ntpd&apos;s largest key number, %2</source>
        <translation>la clé %1 dépasse le plus grand numéro de clé de ntpd, %2</translation>
    </message>
    <message>
        <source>systemd-timesyncd takes host names only: no port, key, NTS, prefer or poll options</source>
        <translation>systemd-timesyncd n’accepte que des noms d’hôte : ni port, ni clé, ni NTS, ni prefer, ni options d’interrogation</translation>
    </message>
    <message>
        <source>ntpd&apos;s configuration has no port option: only servers on port 123 can be applied</source>
        <translation>la configuration de ntpd n’a pas d’option de port : seuls les serveurs sur le port 123 peuvent être appliqués</translation>
    </message>
    <message>
        <source>the server is in the list twice</source>
        <translation>le serveur figure deux fois dans la liste</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 a server (&quot;ntp1.example&quot;), %2 why it cannot be applied</extracomment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 stopped running</source>
        <translation>%1 s’est arrêté</translation>
    </message>
    <message>
        <source>%1 had no sources left</source>
        <translation>%1 n’avait plus de sources</translation>
    </message>
    <message>
        <source>%1 did not take every server</source>
        <translation>%1 n’a pas pris tous les serveurs</translation>
    </message>
    <message>
        <source>none of the servers answered %1 in the grace period</source>
        <translation>aucun des serveurs n’a répondu à %1 pendant le délai de grâce</translation>
    </message>
    <message>
        <source>restarting %1 failed</source>
        <translation>le redémarrage de %1 a échoué</translation>
    </message>
    <message>
        <source>%1 did not reload its sources</source>
        <translation>%1 n’a pas rechargé ses sources</translation>
    </message>
    <message>
        <source>the check after the change failed</source>
        <translation>la vérification après la modification a échoué</translation>
    </message>
    <message>
        <source>Dry run: the helper checked the servers for %1; nothing was written.</source>
        <translation>Essai à blanc : l’assistant a vérifié les serveurs pour %1 ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Applied: %1 now uses Chronoscope&apos;s servers; %2 of them answered.</source>
        <extracomment>%1 the daemon, %2 how many of the applied servers answered</extracomment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Dry run: %1&apos;s previous configuration could be restored; nothing was written.</source>
        <translation>Essai à blanc : la configuration précédente de %1 pourrait être restaurée ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Reverted: %1&apos;s configuration from before Chronoscope&apos;s change is back.</source>
        <translation>Rétabli : la configuration de %1 d’avant la modification par Chronoscope est de retour.</translation>
    </message>
    <message>
        <source>Rolled back because %1. The previous configuration is back; nothing else changed.</source>
        <extracomment>%1 why (&quot;chronyd had no sources left&quot;)</extracomment>
        <translation>Annulé parce que %1. La configuration précédente est de retour ; rien d’autre n’a changé.</translation>
    </message>
    <message>
        <source>Rolling back failed after %1%2. Check %3&apos;s configuration by hand: the system log (journalctl -t chronoscope-helper) names the file.</source>
        <translation>L’annulation a échoué après que %1%2. Vérifiez la configuration de %3 à la main : le journal système (journalctl -t chronoscope-helper) indique le fichier.</translation>
    </message>
    <message>
        <source>Not reverted:</source>
        <translation>Non rétabli :</translation>
    </message>
    <message>
        <source>Not applied:</source>
        <translation>Non appliqué :</translation>
    </message>
    <message>
        <source>%1&apos;s configuration directory or file does not exist</source>
        <translation>le répertoire ou le fichier de configuration de %1 n’existe pas</translation>
    </message>
    <message>
        <source>chrony.conf has no &quot;sourcedir /etc/chrony/sources.d&quot; line, so chronyd would never read the file; add that line first</source>
        <translation>chrony.conf n’a pas de ligne « sourcedir /etc/chrony/sources.d », chronyd ne lirait donc jamais le fichier ; ajoutez d’abord cette ligne</translation>
    </message>
    <message>
        <source>the file or its directory is a symbolic link or not a regular file</source>
        <translation>le fichier ou son répertoire est un lien symbolique ou n’est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>%1 is not running</source>
        <translation>%1 ne fonctionne pas</translation>
    </message>
    <message>
        <source>there is no earlier configuration from Chronoscope to restore</source>
        <translation>il n’y a pas de configuration antérieure de Chronoscope à restaurer</translation>
    </message>
    <message>
        <source>the helper did not accept the request (%1)</source>
        <extracomment>%1 a status id kept in English (&quot;malformed&quot;)</extracomment>
        <translation>l’assistant n’a pas accepté la demande (%1)</translation>
    </message>
    <message>
        <source>Failed: the configuration cannot be written%1.</source>
        <translation>Échec : la configuration ne peut pas être écrite%1.</translation>
    </message>
    <message>
        <source>Failed: %1 refused to reload its sources.</source>
        <translation>Échec : %1 a refusé de recharger ses sources.</translation>
    </message>
    <message>
        <source>Failed: an operating system call failed%1.</source>
        <translation>Échec : un appel au système d’exploitation a échoué%1.</translation>
    </message>
    <message>
        <source>Failed: %1.</source>
        <extracomment>%1 what went wrong, in English from the helper client</extracomment>
        <translation>Échec : %1.</translation>
    </message>
    <message>
        <source>the helper did not answer</source>
        <translation>l’assistant n’a pas répondu</translation>
    </message>
    <message>
        <source>Not authorised: an administrator has to allow this.</source>
        <translation>Non autorisé : un administrateur doit le permettre.</translation>
    </message>
    <message>
        <source>Cancelled: the authentication dialog was dismissed. Nothing was changed.</source>
        <translation>Annulé : la fenêtre d’authentification a été fermée. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The helper is missing: %1.</source>
        <extracomment>%1 the detail (&quot;the helper is not installed at /usr/libexec/...&quot;)</extracomment>
        <translation>L’assistant est absent : %1.</translation>
    </message>
    <message>
        <source>reinstall Chronoscope</source>
        <translation>réinstallez Chronoscope</translation>
    </message>
    <message>
        <source>Restoring %1&apos;s previous configuration… (%2 s)</source>
        <extracomment>%1 the daemon, %2 elapsed seconds</extracomment>
        <translation>Restauration de la configuration précédente de %1… (%2 s)</translation>
    </message>
    <message>
        <source>Waiting for authorisation, then writing the file and watching %1 for up to 20 s, rolling back if it loses its sources… (%2 s)</source>
        <translation>En attente d’autorisation, puis écriture du fichier et surveillance de %1 pendant 20 s au plus, avec annulation s’il perd ses sources… (%2 s)</translation>
    </message>
    <message>
        <source>Pools are written as single servers: %2 will use one address of %1.</source>
        <extracomment>%1 pool names, %2 the daemon</extracomment>
        <translation>Les pools sont écrits comme des serveurs simples : %2 utilisera une adresse de %1.</translation>
    </message>
    <message>
        <source>Applied: %1 now uses Chronoscope&apos;s servers and kept running through the check.</source>
        <translation>Appliqué : %1 utilise maintenant les serveurs de Chronoscope et a continué de fonctionner pendant la vérification.</translation>
    </message>
    <message>
        <source>The previous configuration is back in the file, but %1 is not running and did not read it: start %1 by hand.</source>
        <translation>La configuration précédente est de retour dans le fichier, mais %1 ne fonctionne pas et ne l’a pas lue : démarrez %1 à la main.</translation>
    </message>
    <message>
        <source>The previous configuration is back in the file, but %1 refused to read it: restart %1 by hand.</source>
        <translation>La configuration précédente est de retour dans le fichier, mais %1 a refusé de la lire : redémarrez %1 à la main.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ChartsPanel</name>
    <message>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Gigue</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>&amp;Log scale for delay</source>
        <translation>Échelle &amp;logarithmique pour le délai</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Période :</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher %1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Freeze the charts; measuring goes on</source>
        <translation>Figer les graphiques ; la mesure continue</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Réinitialiser le zoom</translation>
    </message>
    <message>
        <source>Offset &gt; 0: your clock is behind</source>
        <translation>Décalage &gt; 0 : votre horloge retarde</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Drag across a chart or press Ctrl++ to zoom; right-click, Ctrl+0 or this button to reset</source>
        <translation>Faites glisser sur un graphique ou appuyez sur Ctrl++ pour zoomer ; clic droit, Ctrl+0 ou ce bouton pour réinitialiser</translation>
    </message>
    <message>
        <source>Ser&amp;vers</source>
        <translation>Ser&amp;veurs</translation>
    </message>
    <message>
        <source>Show or hide servers in the charts (also: click a legend entry)</source>
        <translation>Afficher ou masquer des serveurs dans les graphiques (ou : cliquer sur une entrée de la légende)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No measurements yet</source>
        <translation>Pas encore de mesures</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::DiagnosticsPage</name>
    <message>
        <source>Find out what stands between this computer and its time servers, and whether a server you run can be abused to amplify attacks.</source>
        <translation>Découvrez ce qui se trouve entre cet ordinateur et ses serveurs de temps, et si un serveur que vous gérez peut être détourné pour amplifier des attaques.</translation>
    </message>
    <message>
        <source>Dia&amp;gnostics</source>
        <translation>Dia&amp;gnostic</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>UDP port to check</source>
        <translation>Port UDP à vérifier</translation>
    </message>
    <message>
        <source>&amp;Check This Computer</source>
        <translation>&amp;Vérifier cet ordinateur</translation>
    </message>
    <message>
        <source>UDP &amp;port:</source>
        <translation>&amp;Port UDP :</translation>
    </message>
    <message>
        <source>Port and time service findings</source>
        <translation>Constats sur le port et les services de temps</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Pas encore vérifié.</translation>
    </message>
    <message>
        <source>Configured servers</source>
        <translation>Serveurs configurés</translation>
    </message>
    <message>
        <source>&amp;Test Reachability</source>
        <translation>&amp;Tester la joignabilité</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Reachability of each server</source>
        <translation>Joignabilité de chaque serveur</translation>
    </message>
    <message>
        <source>Reachability conclusion</source>
        <translation>Conclusion sur la joignabilité</translation>
    </message>
    <message>
        <source>Exposure of a server you run</source>
        <translation>Exposition d’un serveur que vous gérez</translation>
    </message>
    <message>
        <source>The probe sends exactly one small request of each kind to the address you type: one 12-byte mode 6 READVAR and one 8-byte mode 7 MON_GETLIST (monlist) request, to the first address of a name, and nothing else: no retries, no other addresses. It then reports whether the server answers and how many bytes it sends back per byte received. Probe only servers you run or may test.</source>
        <translation>La sonde envoie exactement une petite requête de chaque type à l’adresse saisie : une requête mode 6 READVAR de 12 octets et une requête mode 7 MON_GETLIST (monlist) de 8 octets, à la première adresse d’un nom, et rien d’autre : ni nouvel essai, ni autre adresse. Elle indique ensuite si le serveur répond et combien d’octets il renvoie par octet reçu. Ne sondez que des serveurs que vous gérez ou avez le droit de tester.</translation>
    </message>
    <message>
        <source>host or host:port, e.g. ntp.example.org</source>
        <translation>hôte ou hôte:port, p. ex. ntp.example.org</translation>
    </message>
    <message>
        <source>Server to probe</source>
        <translation>Serveur à sonder</translation>
    </message>
    <message>
        <source>&amp;Probe</source>
        <translation>&amp;Sonder</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>Probe result</source>
        <translation>Résultat de la sonde</translation>
    </message>
    <message>
        <source>Time services:</source>
        <translation>Services de temps :</translation>
    </message>
    <message>
        <source>%1: running</source>
        <translation>%1 : actif</translation>
    </message>
    <message>
        <source>%1: not running</source>
        <translation>%1 : inactif</translation>
    </message>
    <message>
        <source>Kernel clock: not reported on this system</source>
        <translation>Horloge du noyau : non indiquée sur ce système</translation>
    </message>
    <message>
        <source>Kernel clock: synchronised (maximum error %1)</source>
        <translation>Horloge du noyau : synchronisée (erreur maximale %1)</translation>
    </message>
    <message>
        <source>Kernel clock: not synchronised</source>
        <translation>Horloge du noyau : non synchronisée</translation>
    </message>
    <message>
        <source>Sending %2 requests to each of %1 server(s)…</source>
        <extracomment>%1: number of servers, %2: requests sent to each</extracomment>
        <translation>Envoi de %2 requêtes à chacun des %1 serveur(s)…</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>répond</translation>
    </message>
    <message>
        <source>answers, time unusable</source>
        <translation>répond, heure inutilisable</translation>
    </message>
    <message>
        <source>kiss-o&apos;-death %1</source>
        <translation>kiss-o’-death %1</translation>
    </message>
    <message>
        <source>invalid replies only</source>
        <translation>réponses invalides uniquement</translation>
    </message>
    <message>
        <source>refused (ICMP port unreachable)</source>
        <translation>refusé (ICMP port injoignable)</translation>
    </message>
    <message>
        <source>cannot be sent to</source>
        <translation>envoi impossible</translation>
    </message>
    <message>
        <source>no reply (timed out)</source>
        <translation>pas de réponse (délai dépassé)</translation>
    </message>
    <message>
        <source>name does not resolve</source>
        <translation>le nom ne se résout pas</translation>
    </message>
    <message>
        <source>No servers to test.</source>
        <translation>Aucun serveur à tester.</translation>
    </message>
    <message>
        <source>Every server answers: NTP gets through.</source>
        <translation>Tous les serveurs répondent : NTP passe.</translation>
    </message>
    <message>
        <source>Some servers do not answer; NTP itself gets through.</source>
        <translation>Certains serveurs ne répondent pas ; NTP lui-même passe.</translation>
    </message>
    <message>
        <source>No server answers: UDP to the NTP port appears blocked by a firewall or the network.</source>
        <translation>Aucun serveur ne répond : l’UDP vers le port NTP semble bloqué par un pare-feu ou le réseau.</translation>
    </message>
    <message>
        <source>No server name resolves: a DNS problem.</source>
        <translation>Aucun nom de serveur ne se résout : un problème de DNS.</translation>
    </message>
    <message>
        <source>Every server refuses: nothing serves NTP there.</source>
        <translation>Tous les serveurs refusent : rien n’y sert NTP.</translation>
    </message>
    <message>
        <source>No route to the servers: is this computer online?</source>
        <translation>Aucune route vers les serveurs : cet ordinateur est-il en ligne ?</translation>
    </message>
    <message>
        <source>Every server sent a kiss-o&apos;-death.</source>
        <translation>Tous les serveurs ont envoyé un kiss-o’-death.</translation>
    </message>
    <message>
        <source>No server gives a usable answer.</source>
        <translation>Aucun serveur ne donne de réponse utilisable.</translation>
    </message>
    <message>
        <source>Type the server to probe first.</source>
        <translation>Saisissez d’abord le serveur à sonder.</translation>
    </message>
    <message>
        <source>Probing %1…</source>
        <extracomment>%1: the server as typed</extracomment>
        <translation>Sondage de %1…</translation>
    </message>
    <message>
        <source>The probe could not run.</source>
        <translation>La sonde n’a pas pu s’exécuter.</translation>
    </message>
    <message>
        <source>Nothing listens on that port.</source>
        <translation>Rien n’écoute sur ce port.</translation>
    </message>
    <message>
        <source>Not an amplifier: no answer to mode 6 or mode 7.</source>
        <translation>Pas un amplificateur : aucune réponse en mode 6 ou 7.</translation>
    </message>
    <message>
        <source>Answers control queries with errors only.</source>
        <translation>Ne répond aux requêtes de contrôle que par des erreurs.</translation>
    </message>
    <message>
        <source>Exposed: answers mode 6 control queries (amplification %1×).</source>
        <extracomment>%1: bytes back per byte sent, e.g. 41.3</extracomment>
        <translation>Exposé : répond aux requêtes de contrôle mode 6 (amplification %1×).</translation>
    </message>
    <message>
        <source>Exposed: answers monlist (mode 7), amplification %1×.</source>
        <translation>Exposé : répond à monlist (mode 7), amplification %1×.</translation>
    </message>
    <message>
        <source>Probed %1 port %2.</source>
        <extracomment>%1 address, %2 port</extracomment>
        <translation>%1 port %2 sondé.</translation>
    </message>
    <message>
        <source>Mode 6 READVAR</source>
        <translation>Mode 6 READVAR</translation>
    </message>
    <message>
        <source>Mode 7 MON_GETLIST</source>
        <translation>Mode 7 MON_GETLIST</translation>
    </message>
    <message>
        <source>%1: %2 bytes back in %3 datagram(s) for %4 sent, amplification %5×</source>
        <extracomment>%1 request name, %2 bytes back, %3 datagrams, %4 bytes sent, %5 factor</extracomment>
        <translation>%1 : %2 octets reçus en %3 datagramme(s) pour %4 envoyés, amplification %5×</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::DriftChart</name>
    <message>
        <source>The frequency of your clock is not known yet: it needs a minute or more of replies.</source>
        <translation>La fréquence de votre horloge n’est pas encore connue : il faut au moins une minute de réponses.</translation>
    </message>
    <message>
        <source>Drift chart</source>
        <translation>Graphique de dérive</translation>
    </message>
    <message>
        <source>± uncertainty</source>
        <translation>± incertitude</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>Frequency (ppm, + gains)</source>
        <extracomment>Axis title; ppm = parts per million, positive = the clock gains</extracomment>
        <translation>Fréquence (ppm, + avance)</translation>
    </message>
    <message>
        <source>Your clock runs fast by %1 ppm (± %2 ppm): it gains about %3 per day.</source>
        <extracomment>%1 frequency in ppm, %2 its uncertainty in ppm, %3 seconds per day</extracomment>
        <translation>Votre horloge avance de %1 ppm (± %2 ppm) : elle gagne environ %3 par jour.</translation>
    </message>
    <message>
        <source>Your clock runs slow by %1 ppm (± %2 ppm): it loses about %3 per day.</source>
        <translation>Votre horloge retarde de %1 ppm (± %2 ppm) : elle perd environ %3 par jour.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::EventLogModel</name>
    <message>
        <source>detail</source>
        <translation>détail</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>request sent</source>
        <translation>requête envoyée</translation>
    </message>
    <message>
        <source>reply accepted</source>
        <translation>réponse acceptée</translation>
    </message>
    <message>
        <source>reply rejected</source>
        <translation>réponse rejetée</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>kiss-o&apos;-death</source>
        <translation>kiss-o’-death</translation>
    </message>
    <message>
        <source>state change</source>
        <translation>changement d’état</translation>
    </message>
    <message>
        <source>selection change</source>
        <translation>changement de sélection</translation>
    </message>
    <message>
        <source>clock step requested</source>
        <translation>correction d’horloge demandée</translation>
    </message>
    <message>
        <source>configuration</source>
        <translation>configuration</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>(system)</source>
        <translation>(système)</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::EventLogPane</name>
    <message>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <source>All servers</source>
        <translation>Tous les serveurs</translation>
    </message>
    <message>
        <source>Show events of</source>
        <translation>Afficher les événements de</translation>
    </message>
    <message>
        <source>All levels, with details</source>
        <translation>Tous les niveaux, avec détails</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information et plus</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <source>Minimum level</source>
        <translation>Niveau minimal</translation>
    </message>
    <message>
        <source>Find in messages</source>
        <translation>Rechercher dans les messages</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the selected entries, or every shown entry when none is selected</source>
        <translation>Copier les entrées sélectionnées, ou toutes celles affichées si aucune n’est sélectionnée</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Vider</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>Le&amp;vel:</source>
        <translation>Ni&amp;veau :</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::EventRecorder</name>
    <message>
        <source>server added (%1)</source>
        <translation>serveur ajouté (%1)</translation>
    </message>
    <message>
        <source>server added, address %1</source>
        <translation>serveur ajouté, adresse %1</translation>
    </message>
    <message>
        <source>request sent (#%1, poll %2)</source>
        <translation>requête envoyée (n° %1, intervalle %2)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>%1 old state, %2 new state, e.g. &quot;candidate → falseticker&quot;</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>reply accepted: offset %1, delay %2</source>
        <translation>réponse acceptée : décalage %1, délai %2</translation>
    </message>
    <message>
        <source>no reply: %1</source>
        <translation>pas de réponse : %1</translation>
    </message>
    <message>
        <source>kiss-o&apos;-death received%1</source>
        <translation>kiss-o’-death reçu%1</translation>
    </message>
    <message>
        <source>no system peer any more</source>
        <translation>plus de pair système</translation>
    </message>
    <message>
        <source>system peer is now %1</source>
        <translation>le pair système est maintenant %1</translation>
    </message>
    <message>
        <source>synchronised: offset %1, %2 survivor(s)</source>
        <translation>synchronisé : décalage %1, %2 serveur(s) retenu(s)</translation>
    </message>
    <message>
        <source>lost synchronisation: %1</source>
        <translation>synchronisation perdue : %1</translation>
    </message>
    <message>
        <source>server removed</source>
        <translation>serveur retiré</translation>
    </message>
    <message>
        <source>clock correction of %1 requested%2</source>
        <translation>correction d’horloge de %1 demandée%2</translation>
    </message>
    <message>
        <source>request failed: %1%2</source>
        <translation>échec de la requête : %1%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>reply rejected: %1</source>
        <translation>réponse rejetée : %1</translation>
    </message>
    <message>
        <source>%1 replies rejected in the last %2: %3</source>
        <extracomment>%1 count, %2 duration (&quot;64 s&quot;), %3 list of reasons with counts</extracomment>
        <translation>%1 réponses rejetées en %2 : %3</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::FilterStageModel</name>
    <message>
        <source>Stage</source>
        <translation>Étage</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>Dispersion</source>
        <translation>Dispersion</translation>
    </message>
    <message>
        <source>%1 (chosen)</source>
        <translation>%1 (choisi)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>The filter uses the sample with the lowest delay of the last eight</source>
        <translation>Le filtre utilise l’échantillon de plus faible délai parmi les huit derniers</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::HeadlineBanner</name>
    <message>
        <source>Clock status</source>
        <translation>État de l’horloge</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Dernière mise à jour</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::KeyEditDialog</name>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Add Key</source>
        <translation>Ajouter une clé</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hexadécimal</translation>
    </message>
    <message>
        <source>Text (ASCII)</source>
        <translation>Texte (ASCII)</translation>
    </message>
    <message>
        <source>e.g. 7EA62AE64D190114D46D5A082F948EC1</source>
        <translation>p. ex. 7EA62AE64D190114D46D5A082F948EC1</translation>
    </message>
    <message>
        <source>ntp.example.org, 192.0.2.1:123</source>
        <translation>ntp.example.org, 192.0.2.1:123</translation>
    </message>
    <message>
        <source>&amp;ID:</source>
        <translation>&amp;Numéro :</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Secret :</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé :</translation>
    </message>
    <message>
        <source>Se&amp;rvers:</source>
        <translation>Se&amp;rveurs :</translation>
    </message>
    <message>
        <source>Key ID %1 is already in use.</source>
        <translation>Le numéro de clé %1 est déjà utilisé.</translation>
    </message>
    <message>
        <source>Enter the secret.</source>
        <translation>Saisissez le secret.</translation>
    </message>
    <message>
        <source>The secret is not an even number of hex digits.</source>
        <translation>Le secret ne comporte pas un nombre pair de chiffres hexadécimaux.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::KeyManagerDialog</name>
    <message>
        <source>Authentication Keys</source>
        <translation>Clés d’authentification</translation>
    </message>
    <message>
        <source>Saved the label and servers of key %1.</source>
        <translation>Libellé et serveurs de la clé %1 enregistrés.</translation>
    </message>
    <message>
        <source>No keys yet. Generate one, add one you were given, or import a key file.</source>
        <translation>Aucune clé pour l’instant. Générez-en une, ajoutez-en une qui vous a été fournie, ou importez un fichier de clés.</translation>
    </message>
    <message>
        <source>Keys in %1: %2</source>
        <translation>Clés dans %1 : %2</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>AES128 (CMAC) is what RFC 8573 recommends; MD5 and SHA1 suit older servers.</source>
        <translation>AES128 (CMAC) est ce que recommande la RFC 8573 ; MD5 et SHA1 conviennent aux serveurs plus anciens.</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Copy Config Line</source>
        <translation>&amp;Copier la ligne de configuration</translation>
    </message>
    <message>
        <source>chrony.keys line (includes the secret)</source>
        <translation>Ligne chrony.keys (contient le secret)</translation>
    </message>
    <message>
        <source>ntp.keys line (includes the secret)</source>
        <translation>Ligne ntp.keys (contient le secret)</translation>
    </message>
    <message>
        <source>chrony.conf server line</source>
        <translation>Ligne server de chrony.conf</translation>
    </message>
    <message>
        <source>ntp.conf server and trustedkey lines</source>
        <translation>Lignes server et trustedkey de ntp.conf</translation>
    </message>
    <message>
        <source>&amp;Show secrets</source>
        <translation>Affic&amp;her les secrets</translation>
    </message>
    <message>
        <source>Keep secrets in the system &amp;keyring</source>
        <translation>Conserver les secrets dans le &amp;trousseau de clés du système</translation>
    </message>
    <message>
        <source>Without a keyring the secrets stay in %1 (readable only by you).</source>
        <translation>Sans trousseau de clés, les secrets restent dans %1 (lisible par vous seul).</translation>
    </message>
    <message>
        <source>This build has no keyring support; the secrets stay in %1 (readable only by you).</source>
        <translation>Cette version ne prend pas en charge les trousseaux de clés ; les secrets restent dans %1 (lisible par vous seul).</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Could not save the keys: %1</source>
        <translation>Impossible d’enregistrer les clés : %1</translation>
    </message>
    <message>
        <source>Every key ID is in use.</source>
        <translation>Tous les numéros de clé sont utilisés.</translation>
    </message>
    <message>
        <source>Generated key %1 (%2, %3 random bytes).</source>
        <extracomment>%1 key id, %2 type (AES128, ...), %3 key length in bytes</extracomment>
        <translation>Clé %1 générée (%2, %3 octets aléatoires).</translation>
    </message>
    <message>
        <source>SHA256 works with chrony and ntpsec only as a 20-byte MAC, which Chronoscope sends.</source>
        <translation>SHA256 ne fonctionne avec chrony et ntpsec que sous forme de MAC de 20 octets, que Chronoscope envoie.</translation>
    </message>
    <message>
        <source>Give it to the server with Export or Copy Config Line.</source>
        <translation>Transmettez-la au serveur avec Exporter ou Copier la ligne de configuration.</translation>
    </message>
    <message>
        <source>Added key %1.</source>
        <translation>Clé %1 ajoutée.</translation>
    </message>
    <message>
        <source>There is no key %1.</source>
        <translation>Il n’y a pas de clé %1.</translation>
    </message>
    <message>
        <source>Deleted key %1.</source>
        <translation>Clé %1 supprimée.</translation>
    </message>
    <message>
        <source>Nothing was imported; %1 has invalid lines:
%2</source>
        <translation>Rien n’a été importé ; %1 contient des lignes invalides :
%2</translation>
    </message>
    <message>
        <source>Import Keys</source>
        <translation>Importer des clés</translation>
    </message>
    <message>
        <source>%1 has invalid lines:</source>
        <translation>%1 contient des lignes invalides :</translation>
    </message>
    <message>
        <source>Import the valid keys (%1) anyway?</source>
        <translation>Importer quand même les clés valides (%1) ?</translation>
    </message>
    <message>
        <source>Nothing was imported from %1.</source>
        <translation>Rien n’a été importé depuis %1.</translation>
    </message>
    <message>
        <source>Imported from %1 (%2 format): %3 new, %4 already there.</source>
        <translation>Importé depuis %1 (format %2) : %3 nouvelles, %4 déjà présentes.</translation>
    </message>
    <message>
        <source>Invalid lines skipped: %1.</source>
        <translation>Lignes invalides ignorées : %1.</translation>
    </message>
    <message>
        <source>Note: %1 is readable by other users (mode %2).</source>
        <translation>Remarque : %1 est lisible par d’autres utilisateurs (mode %2).</translation>
    </message>
    <message>
        <source>There are no keys to export.</source>
        <translation>Il n’y a aucune clé à exporter.</translation>
    </message>
    <message>
        <source>Exported to %1 (%2 format, readable only by you); keys: %3.</source>
        <extracomment>%1 file, %2 &quot;chrony&quot; or &quot;ntp&quot;, %3 number of keys</extracomment>
        <translation>Exporté vers %1 (format %2, lisible par vous seul) ; clés : %3.</translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation>Sélectionnez d’abord une clé.</translation>
    </message>
    <message>
        <source>Copied the key line of key %1 to the clipboard. It contains the secret: paste it only into the server&apos;s key file.</source>
        <translation>Ligne de la clé %1 copiée dans le presse-papiers. Elle contient le secret : ne la collez que dans le fichier de clés du serveur.</translation>
    </message>
    <message>
        <source>Copied the server line for key %1 to the clipboard.</source>
        <translation>Ligne server de la clé %1 copiée dans le presse-papiers.</translation>
    </message>
    <message>
        <source>The secrets are now kept in the system keyring.</source>
        <translation>Les secrets sont désormais conservés dans le trousseau de clés du système.</translation>
    </message>
    <message>
        <source>The secrets are now kept in %1 (readable only by you).</source>
        <translation>Les secrets sont désormais conservés dans %1 (lisible par vous seul).</translation>
    </message>
    <message>
        <source>Import Key File</source>
        <translation>Importer un fichier de clés</translation>
    </message>
    <message>
        <source>Key files (*.keys *.key keys);;All files (*)</source>
        <translation>Fichiers de clés (*.keys *.key keys);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>chrony key file (*.keys)</source>
        <translation>Fichier de clés chrony (*.keys)</translation>
    </message>
    <message>
        <source>ntpd/ntpsec key file (*.keys)</source>
        <translation>Fichier de clés ntpd/ntpsec (*.keys)</translation>
    </message>
    <message>
        <source>Export Key %1</source>
        <translation>Exporter la clé %1</translation>
    </message>
    <message>
        <source>Export All Keys</source>
        <translation>Exporter toutes les clés</translation>
    </message>
    <message>
        <source>Delete Key</source>
        <translation>Supprimer la clé</translation>
    </message>
    <message>
        <source>Delete key %1? Servers that use it can no longer be authenticated.</source>
        <translation>Supprimer la clé %1 ? Les serveurs qui l’utilisent ne pourront plus être authentifiés.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::KeyTableModel</name>
    <message>
        <source>SHA256 works with chrony and ntpsec only as a 20-byte MAC in NTPv4, which is what Chronoscope sends.</source>
        <translation>SHA256 ne fonctionne avec chrony et ntpsec que sous forme de MAC de 20 octets en NTPv4, ce que Chronoscope envoie.</translation>
    </message>
    <message>
        <source>%1 bytes, shown as hex</source>
        <translation>%1 octets, affichés en hexadécimal</translation>
    </message>
    <message>
        <source>Hidden. Tick &quot;Show secrets&quot; to reveal it.</source>
        <translation>Masqué. Cochez « Afficher les secrets » pour le voir.</translation>
    </message>
    <message>
        <source>Servers that use this key, separated by commas (host or host:port)</source>
        <translation>Serveurs qui utilisent cette clé, séparés par des virgules (hôte ou hôte:port)</translation>
    </message>
    <message>
        <source>hidden secret</source>
        <translation>secret masqué</translation>
    </message>
    <message>
        <source>(%1 bytes)</source>
        <extracomment>A masked secret followed by its length, e.g. &quot;•••••••••••• (16 bytes)&quot;</extracomment>
        <translation>(%1 octets)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::MainWindow</name>
    <message>
        <source>Metrics for Prometheus are not served: %1</source>
        <translation>Les métriques pour Prometheus ne sont pas servies : %1</translation>
    </message>
    <message>
        <source>Metrics for Prometheus: %1</source>
        <translation>Métriques pour Prometheus : %1</translation>
    </message>
    <message>
        <source>Chronoscope</source>
        <translation>Chronoscope</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>&amp;Graphiques</translation>
    </message>
    <message>
        <source>&amp;Selection</source>
        <translation>&amp;Sélection</translation>
    </message>
    <message>
        <source>&amp;Drift</source>
        <translation>&amp;Dérive</translation>
    </message>
    <message>
        <source>De&amp;tails</source>
        <translation>Dé&amp;tails</translation>
    </message>
    <message>
        <source>Event &amp;log</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>The event log file was closed after an error: %1</source>
        <translation>Le fichier journal a été fermé après une erreur : %1</translation>
    </message>
    <message>
        <source>No backup could be made.</source>
        <translation>Aucune copie de sauvegarde n’a pu être faite.</translation>
    </message>
    <message>
        <source>A copy was saved as %1.</source>
        <translation>Une copie a été enregistrée sous %1.</translation>
    </message>
    <message>
        <source>The settings file was damaged and has been repaired; entries that could not be read were dropped. %1
%2</source>
        <translation>Le fichier de réglages était endommagé et a été réparé ; les entrées illisibles ont été supprimées. %1
%2</translation>
    </message>
    <message>
        <source>settings file damaged: %1</source>
        <translation>fichier de réglages endommagé : %1</translation>
    </message>
    <message>
        <source>Servers from the command line: the saved list is unchanged</source>
        <translation>Serveurs de la ligne de commande : la liste enregistrée reste inchangée</translation>
    </message>
    <message>
        <source>The event log file cannot be written: %1</source>
        <translation>Le fichier journal ne peut pas être écrit : %1</translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation>Les réglages n’ont pas pu être enregistrés : %1</translation>
    </message>
    <message>
        <source>No time servers configured: add one with Servers → Add Server</source>
        <translation>Aucun serveur de temps configuré : ajoutez-en un avec Serveurs → Ajouter un serveur</translation>
    </message>
    <message>
        <source>Updated %1 (%2 ago) · %3 of %4 server(s) answer</source>
        <extracomment>%1 time of day, %2 age (&quot;5 s&quot;), %3 reachable servers, %4 all servers</extracomment>
        <translation>Mis à jour à %1 (il y a %2) · %3 serveur(s) sur %4 répondent</translation>
    </message>
    <message numerus="yes">
        <source> · system peer %1 · %n survivor(s)</source>
        <translation>
            <numerusform> · pair système %1 · %n serveur retenu</numerusform>
            <numerusform> · pair système %1 · %n serveurs retenus</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the first replies…</source>
        <translation>En attente des premières réponses…</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) monitored</source>
        <translation>
            <numerusform>%n serveur surveillé</numerusform>
            <numerusform>%n serveurs surveillés</numerusform>
        </translation>
    </message>
    <message>
        <source>Chronoscope keeps monitoring</source>
        <translation>Chronoscope continue la surveillance</translation>
    </message>
    <message>
        <source>It is still running in the tray. Quit from the tray menu or with Ctrl+Q.</source>
        <translation>Il continue dans la zone de notification. Quittez depuis son menu ou avec Ctrl+Q.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Import Server List…</source>
        <translation>&amp;Importer une liste de serveurs…</translation>
    </message>
    <message>
        <source>Read server and pool lines from a chrony.conf or ntp.conf</source>
        <translation>Lire les lignes server et pool d’un chrony.conf ou ntp.conf</translation>
    </message>
    <message>
        <source>&amp;Export Server List…</source>
        <translation>&amp;Exporter la liste des serveurs…</translation>
    </message>
    <message>
        <source>Export &amp;Measurements…</source>
        <translation>Exporter les &amp;mesures…</translation>
    </message>
    <message>
        <source>Export &amp;Chart as PNG…</source>
        <translation>Exporter le &amp;graphique en PNG…</translation>
    </message>
    <message>
        <source>Export Event &amp;Log…</source>
        <translation>Exporter le &amp;journal…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation>&amp;Serveurs</translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation>&amp;Ajouter un serveur…</translation>
    </message>
    <message>
        <source>&amp;Edit Server…</source>
        <translation>&amp;Modifier le serveur…</translation>
    </message>
    <message>
        <source>&amp;Remove Server</source>
        <translation>&amp;Retirer le serveur</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Event &amp;Log</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>Chart &amp;Range</source>
        <translation>&amp;Période des graphiques</translation>
    </message>
    <message>
        <source>Last &amp;5 minutes</source>
        <translation>&amp;5 dernières minutes</translation>
    </message>
    <message>
        <source>Last &amp;hour</source>
        <translation>Dernière &amp;heure</translation>
    </message>
    <message>
        <source>Last &amp;24 hours</source>
        <translation>&amp;24 dernières heures</translation>
    </message>
    <message>
        <source>&amp;Everything</source>
        <translation>&amp;Tout</translation>
    </message>
    <message>
        <source>&amp;Pause Charts</source>
        <translation>Mettre les graphiques en &amp;pause</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>Réinitialiser le &amp;zoom</translation>
    </message>
    <message>
        <source>&amp;Logarithmic Delay Axis</source>
        <translation>Axe des délais &amp;logarithmique</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Chronoscope</source>
        <translation>&amp;À propos de Chronoscope</translation>
    </message>
    <message>
        <source>About Chronoscope</source>
        <translation>À propos de Chronoscope</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chronoscope %1&lt;/b&gt;&lt;p&gt;How far your clock is off, and why each time server is trusted or not.&lt;/p&gt;&lt;p&gt;Offsets are server time minus local time: positive means your clock is behind.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Chronoscope %1&lt;/b&gt;&lt;p&gt;De combien votre horloge est décalée, et pourquoi chaque serveur de temps est jugé fiable ou non.&lt;/p&gt;&lt;p&gt;Les décalages sont l’heure du serveur moins l’heure locale : positif signifie que votre horloge retarde.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>%1 ajouté</translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation>%1 modifié</translation>
    </message>
    <message>
        <source>Remove the pool %1 and all of its addresses?</source>
        <translation>Retirer le pool %1 et toutes ses adresses ?</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>Retirer %1 ?</translation>
    </message>
    <message>
        <source>Remove Server</source>
        <translation>Retirer le serveur</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>%1 retiré</translation>
    </message>
    <message>
        <source>%1 is already in the list</source>
        <translation>%1 est déjà dans la liste</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n server(s) from %1.</source>
        <extracomment>%1 number of servers, %2 file name</extracomment>
        <translation>
            <numerusform>%n serveur importé de %1.</numerusform>
            <numerusform>%n serveurs importés de %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were not imported as written:</source>
        <translation>
            <numerusform>%n ligne n’a pas été importée telle quelle :</numerusform>
            <numerusform>%n lignes n’ont pas été importées telles quelles :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the event log)</source>
        <translation>
            <numerusform>… et %n autre (voir le journal)</numerusform>
            <numerusform>… et %n autres (voir le journal)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>imported %n server(s) from %1</source>
        <translation>
            <numerusform>%n serveur importé de %1</numerusform>
            <numerusform>%n serveurs importés de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Server list written to %1.</source>
        <translation>Liste des serveurs écrite dans %1.</translation>
    </message>
    <message>
        <source>Server list written to %1, with notes:
%2</source>
        <translation>Liste des serveurs écrite dans %1, avec remarques :
%2</translation>
    </message>
    <message>
        <source>Import Server List</source>
        <translation>Importer une liste de serveurs</translation>
    </message>
    <message>
        <source>chrony configuration (chrony.conf *.conf *.sources);;ntpd / ntpsec configuration (ntp.conf ntpsec.conf *.conf);;All files (*)</source>
        <translation>configuration chrony (chrony.conf *.conf *.sources);;configuration ntpd / ntpsec (ntp.conf ntpsec.conf *.conf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Add the servers of %1 to your list, or replace your list with them?</source>
        <translation>Ajouter les serveurs de %1 à votre liste, ou remplacer votre liste par ceux-ci ?</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <source>Export Server List</source>
        <translation>Exporter la liste des serveurs</translation>
    </message>
    <message>
        <source>chrony configuration (*.conf *.sources);;ntpd / ntpsec configuration (ntp.conf *.conf)</source>
        <translation>configuration chrony (*.conf *.sources);;configuration ntpd / ntpsec (ntp.conf *.conf)</translation>
    </message>
    <message>
        <source>Export Measurements</source>
        <translation>Exporter les mesures</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Measurements written to %1.</source>
        <translation>Mesures écrites dans %1.</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Chart saved as %1.</source>
        <translation>Graphique enregistré sous %1.</translation>
    </message>
    <message>
        <source>Export Event Log</source>
        <translation>Exporter le journal</translation>
    </message>
    <message>
        <source>Text files (*.log *.txt);;All files (*)</source>
        <translation>Fichiers texte (*.log *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Event log written to %1.</source>
        <translation>Journal écrit dans %1.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::MetricChart</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Axis title: the metric and its unit, e.g. &quot;Offset (ms)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <extracomment>Chart read-out: server name, value (with unit), time of day</extracomment>
        <translation>%1 : %2 à %3</translation>
    </message>
    <message>
        <source>Click a server to hide or show it in every chart</source>
        <translation>Cliquez sur un serveur pour le masquer ou l’afficher dans tous les graphiques</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Fermer la remarque</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::NtsTrustDialog</name>
    <message>
        <source>NTS Certificate Authorities</source>
        <translation>Autorités de certification NTS</translation>
    </message>
    <message>
        <source>NTS servers must show a certificate from a trusted authority. The system&apos;s certificate store is always trusted; add your own CA here (a PEM file, or a directory of .pem/.crt files) to use NTS servers it certified.</source>
        <translation>Les serveurs NTS doivent présenter un certificat émis par une autorité de confiance. Le magasin de certificats du système est toujours approuvé ; ajoutez ici votre propre CA (un fichier PEM, ou un dossier de fichiers .pem/.crt) pour utiliser les serveurs NTS qu’elle a certifiés.</translation>
    </message>
    <message>
        <source>Trusted certificate authorities</source>
        <translation>Autorités de certification approuvées</translation>
    </message>
    <message>
        <source>Add &amp;File…</source>
        <translation>Ajouter un &amp;fichier…</translation>
    </message>
    <message>
        <source>Add &amp;Directory…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>Certificat de CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Directory of CA Certificates</source>
        <translation>Dossier de certificats de CA</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already in the list</source>
        <translation>« %1 » est déjà dans la liste</translation>
    </message>
    <message>
        <source>at most %1 entries</source>
        <translation>%1 entrées au maximum</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SelectionView</name>
    <message>
        <source>Selection picture</source>
        <translation>Image de la sélection</translation>
    </message>
    <message>
        <source>Correctness intervals of the servers and the intersection the selection found</source>
        <translation>Intervalles de justesse des serveurs et l’intersection trouvée par la sélection</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>truechimer</source>
        <translation>correct</translation>
    </message>
    <message>
        <source>outlier / jittery</source>
        <translation>aberrant / instable</translation>
    </message>
    <message>
        <source>falseticker</source>
        <translation>faux</translation>
    </message>
    <message>
        <source>intersection (the majority agrees)</source>
        <translation>intersection (la majorité s’accorde)</translation>
    </message>
    <message>
        <source>No server has a correctness interval yet: waiting for replies.</source>
        <translation>Aucun serveur n’a encore d’intervalle de justesse : en attente de réponses.</translation>
    </message>
    <message>
        <source>intersection %1 … %2</source>
        <translation>intersection %1 … %2</translation>
    </message>
    <message>
        <source>offset (symmetric log scale; positive: your clock is behind)</source>
        <translation>décalage (échelle log. symétrique ; positif : votre horloge retarde)</translation>
    </message>
    <message>
        <source>offset (positive: your clock is behind)</source>
        <translation>décalage (positif : votre horloge retarde)</translation>
    </message>
    <message>
        <source>no interval (%1)</source>
        <translation>pas d’intervalle (%1)</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ServerDetailPane</name>
    <message>
        <source>Clock filter samples</source>
        <translation>Échantillons du filtre d’horloge</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Clock filter: the last 8 samples</source>
        <translation>Filtre d’horloge : les 8 derniers échantillons</translation>
    </message>
    <message>
        <source>Last exchange (T1–T4)</source>
        <translation>Dernier échange (T1–T4)</translation>
    </message>
    <message>
        <source>Tests on the last reply</source>
        <translation>Tests sur la dernière réponse</translation>
    </message>
    <message>
        <source>Rejected replies and kiss-o&apos;-death</source>
        <translation>Réponses rejetées et kiss-o’-death</translation>
    </message>
    <message>
        <source>Address</source>
        <extracomment>%1 address, %2 port</extracomment>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Stratum</source>
        <translation>Stratum</translation>
    </message>
    <message>
        <source>Reference id</source>
        <translation>Identifiant de référence</translation>
    </message>
    <message>
        <source>no leap second pending</source>
        <translation>aucune seconde intercalaire prévue</translation>
    </message>
    <message>
        <source>leap second to be inserted</source>
        <translation>seconde intercalaire à insérer</translation>
    </message>
    <message>
        <source>leap second to be deleted</source>
        <translation>seconde intercalaire à supprimer</translation>
    </message>
    <message>
        <source>server unsynchronised</source>
        <translation>serveur non synchronisé</translation>
    </message>
    <message>
        <source>Leap indicator</source>
        <translation>Indicateur de seconde intercalaire</translation>
    </message>
    <message>
        <source>Root delay</source>
        <translation>Délai racine</translation>
    </message>
    <message>
        <source>Root dispersion</source>
        <translation>Dispersion racine</translation>
    </message>
    <message>
        <source>Root distance λ</source>
        <translation>Distance racine λ</translation>
    </message>
    <message>
        <source>Offset ± jitter</source>
        <translation>Décalage ± gigue</translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation>Intervalle d’interrogation</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>%1 sent, %2 accepted, %3 without reply</source>
        <translation>%1 envoyées, %2 acceptées, %3 sans réponse</translation>
    </message>
    <message>
        <source>Receive timestamps</source>
        <translation>Horodatage de réception</translation>
    </message>
    <message>
        <source>kernel (SO_TIMESTAMPNS)</source>
        <translation>noyau (SO_TIMESTAMPNS)</translation>
    </message>
    <message>
        <source>user space</source>
        <translation>espace utilisateur</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>%1 ppm ± %2 ppm</source>
        <translation>%1 ppm ± %2 ppm</translation>
    </message>
    <message>
        <source>No reply yet.</source>
        <translation>Pas encore de réponse.</translation>
    </message>
    <message>
        <source>No reply to the last request (%1): no tests were run.</source>
        <translation>Pas de réponse à la dernière requête (%1) : aucun test effectué.</translation>
    </message>
    <message>
        <source>Reply comes from the server&apos;s address and port</source>
        <translation>La réponse vient de l’adresse et du port du serveur</translation>
    </message>
    <message>
        <source>Well-formed NTP server reply</source>
        <translation>Réponse de serveur NTP bien formée</translation>
    </message>
    <message>
        <source>Answers a request we sent</source>
        <translation>Répond à une requête envoyée</translation>
    </message>
    <message>
        <source>Test 2: origin timestamp is our request&apos;s</source>
        <translation>Test 2 : l’horodatage d’origine est celui de notre requête</translation>
    </message>
    <message>
        <source>Test 1: not a duplicate</source>
        <translation>Test 1 : pas un doublon</translation>
    </message>
    <message>
        <source>Test 3: no zero timestamps</source>
        <translation>Test 3 : pas d’horodatage nul</translation>
    </message>
    <message>
        <source>No kiss-o&apos;-death</source>
        <translation>Pas de kiss-o’-death</translation>
    </message>
    <message>
        <source>Test 6: synchronised, stratum 1–15</source>
        <translation>Test 6 : synchronisé, stratum 1–15</translation>
    </message>
    <message>
        <source>Test 7: root distance below 16 s</source>
        <translation>Test 7 : distance racine inférieure à 16 s</translation>
    </message>
    <message>
        <source>Server timestamps consistent</source>
        <translation>Horodatages du serveur cohérents</translation>
    </message>
    <message>
        <source>Round-trip delay within the limit</source>
        <translation>Délai aller-retour dans la limite</translation>
    </message>
    <message>
        <source>Reply at %1 accepted.</source>
        <translation>Réponse de %1 acceptée.</translation>
    </message>
    <message>
        <source>Reply at %1 rejected: %2</source>
        <translation>Réponse de %1 rejetée : %2</translation>
    </message>
    <message>
        <source>Select a server in the table to see its details.</source>
        <translation>Sélectionnez un serveur dans le tableau pour voir ses détails.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2 : %3</translation>
    </message>
    <message>
        <source>T1 request sent (local)</source>
        <translation>T1 requête envoyée (local)</translation>
    </message>
    <message>
        <source>T2 request received (server)</source>
        <translation>T2 requête reçue (serveur)</translation>
    </message>
    <message>
        <source>T3 reply sent (server)</source>
        <translation>T3 réponse envoyée (serveur)</translation>
    </message>
    <message>
        <source>T4 reply received (local)</source>
        <translation>T4 réponse reçue (local)</translation>
    </message>
    <message>
        <source>Offset ((T2−T1)+(T3−T4))/2</source>
        <translation>Décalage ((T2−T1)+(T3−T4))/2</translation>
    </message>
    <message>
        <source>Delay (T4−T1)−(T3−T2)</source>
        <translation>Délai (T4−T1)−(T3−T2)</translation>
    </message>
    <message>
        <source>No reply accepted yet.</source>
        <translation>Aucune réponse acceptée pour l’instant.</translation>
    </message>
    <message>
        <source>No reply was rejected.</source>
        <translation>Aucune réponse n’a été rejetée.</translation>
    </message>
    <message>
        <source>Last kiss-o&apos;-death code: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Dernier code kiss-o’-death : &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No kiss-o&apos;-death received.</source>
        <translation>Aucun kiss-o’-death reçu.</translation>
    </message>
    <message>
        <source>Network Time Security: who vouches for this time</source>
        <translation>Network Time Security : qui garantit cette heure</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 port %2</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ServerDialog</name>
    <message>
        <source>Add Server</source>
        <translation>Ajouter un serveur</translation>
    </message>
    <message>
        <source>Edit Server</source>
        <translation>Modifier le serveur</translation>
    </message>
    <message>
        <source>log2 of the shortest interval between requests: 6 = 64 s. Public servers are never polled faster than 64 s.</source>
        <translation>log2 de l’intervalle le plus court entre les requêtes : 6 = 64 s. Les serveurs publics ne sont jamais interrogés plus souvent que toutes les 64 s.</translation>
    </message>
    <message>
        <source>log2 of the longest interval between requests: 10 = 1024 s</source>
        <translation>log2 de l’intervalle le plus long entre les requêtes : 10 = 1024 s</translation>
    </message>
    <message>
        <source>Symmetric key number from your key file; none = no authentication</source>
        <translation>Numéro de la clé symétrique de votre fichier de clés ; aucune = sans authentification</translation>
    </message>
    <message>
        <source>%1: answers, offset %2, delay %3, stratum %4</source>
        <translation>%1 : répond, décalage %2, délai %3, stratum %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>No result.</source>
        <translation>Aucun résultat.</translation>
    </message>
    <message>
        <source> (%1)</source>
        <extracomment>Poll spin box suffix, e.g. &quot; (64 s)&quot;</extracomment>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Enter a host name or an address.</source>
        <translation>Saisissez un nom d’hôte ou une adresse.</translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation>Non valide : %1</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 est déjà dans la liste.</translation>
    </message>
    <message>
        <source>Testing %1 (%2 requests)…</source>
        <translation>Test de %1 (%2 requêtes)…</translation>
    </message>
    <message>
        <source>Network Time Security (RFC 8915): keys from a TLS key exchange with the server, every reply authenticated; never falls back to unauthenticated NTP</source>
        <translation>Network Time Security (RFC 8915) : clés issues d’un échange de clés TLS avec le serveur, chaque réponse authentifiée ; ne se rabat jamais sur du NTP non authentifié</translation>
    </message>
    <message>
        <source>TCP port of the server&apos;s NTS key exchange (NTS-KE); 4460 unless its operator says otherwise</source>
        <translation>Port TCP de l’échange de clés NTS du serveur (NTS-KE) ; 4460 sauf indication contraire de son opérateur</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ServerTableModel</name>
    <message>
        <source>Answers to the last 8 requests, oldest on the left</source>
        <translation>Réponses aux 8 dernières requêtes, la plus ancienne à gauche</translation>
    </message>
    <message>
        <source>Current interval between requests</source>
        <translation>Intervalle actuel entre les requêtes</translation>
    </message>
    <message>
        <source>Server time minus local time: positive means your clock is behind</source>
        <translation>Heure du serveur moins heure locale : positif signifie que votre horloge retarde</translation>
    </message>
    <message>
        <source>Round-trip delay of the chosen sample</source>
        <translation>Délai aller-retour de l’échantillon choisi</translation>
    </message>
    <message>
        <source>Spread of the recent samples around the chosen one</source>
        <translation>Dispersion des derniers échantillons autour de celui choisi</translation>
    </message>
    <message>
        <source>How replies are authenticated</source>
        <translation>Comment les réponses sont authentifiées</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Stratum</source>
        <translation>Stratum</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Joignabilité</translation>
    </message>
    <message>
        <source>Poll</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Dernière réponse</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Gigue</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>Auth.</translation>
    </message>
    <message>
        <source>%1 of the last 8 requests answered</source>
        <translation>%1 des 8 dernières requêtes ont reçu une réponse</translation>
    </message>
    <message>
        <source>Reach register %1 (octal): %2 of the last 8 requests answered, newest on the right</source>
        <translation>Registre de joignabilité %1 (octal) : %2 des 8 dernières requêtes ont reçu une réponse, la plus récente à droite</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (de %2)</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>Authentication column: no key or NTS in use</extracomment>
        <translation>aucune</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) authenticated with key %1</source>
        <translation>
            <numerusform>%n réponse authentifiée avec la clé %1</numerusform>
            <numerusform>%n réponses authentifiées avec la clé %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · key %2</source>
        <extracomment>Authentication column: MAC algorithm and key number, e.g. &quot;sha1 · key 7&quot;</extracomment>
        <translation>%1 · clé %2</translation>
    </message>
    <message>
        <source>key %1 not loaded</source>
        <translation>clé %1 non chargée</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SettingsDialog</name>
    <message>
        <source>Serve &amp;metrics for Prometheus</source>
        <translation>Servir les &amp;métriques pour Prometheus</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <source>While Chronoscope runs, Prometheus can scrape http://ADDRESS/metrics</source>
        <translation>Tant que Chronoscope fonctionne, Prometheus peut interroger http://ADRESSE/metrics</translation>
    </message>
    <message>
        <source>Metrics address and port</source>
        <translation>Adresse et port des métriques</translation>
    </message>
    <message>
        <source>127.0.0.1:9123 or [::1]:9123</source>
        <extracomment>Metrics address examples; 127.0.0.1 keeps the metrics on this computer</extracomment>
        <translation>127.0.0.1:9123 ou [::1]:9123</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <extracomment>Where the metrics endpoint listens; other addresses than 127.0.0.1 reach the network</extracomment>
        <translation>&amp;Écouter sur :</translation>
    </message>
    <message>
        <source>Metrics address: %1</source>
        <translation>Adresse des métriques : %1</translation>
    </message>
    <message>
        <source>&amp;Keep monitoring in the tray when the window is closed</source>
        <translation>&amp;Continuer la surveillance dans la zone de notification à la fermeture</translation>
    </message>
    <message>
        <source>Notify when the &amp;offset exceeds</source>
        <translation>Avertir quand le &amp;décalage dépasse</translation>
    </message>
    <message>
        <source>Notify when &amp;no server answers</source>
        <translation>Avertir quand &amp;aucun serveur ne répond</translation>
    </message>
    <message>
        <source>&amp;Write the event log to a file</source>
        <translation>&amp;Écrire le journal dans un fichier</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source> ms</source>
        <extracomment>Unit suffix: milliseconds</extracomment>
        <translation> ms</translation>
    </message>
    <message>
        <source>Offset threshold in milliseconds</source>
        <translation>Seuil de décalage en millisecondes</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>Thème de couleurs</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>C&amp;ouleurs :</translation>
    </message>
    <message>
        <source>Events to record</source>
        <translation>Événements à enregistrer</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <source>default: chronoscope.log in the application data folder</source>
        <translation>par défaut : chronoscope.log dans le dossier de données de l’application</translation>
    </message>
    <message>
        <source>Log file path</source>
        <translation>Chemin du fichier journal</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source> KiB</source>
        <extracomment>Unit suffix: kibibytes</extracomment>
        <translation> Kio</translation>
    </message>
    <message>
        <source>Rotate after this size</source>
        <translation>Faire tourner après cette taille</translation>
    </message>
    <message>
        <source>Rotated files to keep</source>
        <translation>Fichiers archivés à conserver</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>&amp;Rotate after:</source>
        <translation>&amp;Rotation après :</translation>
    </message>
    <message>
        <source>&amp;Keep old files:</source>
        <translation>&amp;Conserver les anciens fichiers :</translation>
    </message>
    <message>
        <source>Log File</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <source>Log files (*.log);;All files (*)</source>
        <translation>Fichiers journaux (*.log);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Entries kept in the event log</source>
        <translation>Entrées conservées dans le journal des événements</translation>
    </message>
    <message>
        <source>Keep at &amp;most:</source>
        <extracomment>The window&apos;s event log keeps at most this many entries; older ones are dropped</extracomment>
        <translation>Conserver au ma&amp;ximum :</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SynchroniseDialog</name>
    <message>
        <source>Synchronise</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Synchronise Now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Competing time services</source>
        <translation>Services de temps concurrents</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Authorised. Applying…</source>
        <translation>Autorisé. Application…</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Mesure en cours…</translation>
    </message>
    <message>
        <source>Yes, I really mean a jump of more than an hour</source>
        <translation>Oui, je veux vraiment un saut de plus d’une heure</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Waiting for authorisation…</source>
        <translation>En attente d’autorisation…</translation>
    </message>
    <message>
        <source>Measuring again: the first measurement is too old now…</source>
        <translation>Nouvelle mesure : la première est désormais trop ancienne…</translation>
    </message>
    <message>
        <source>Verifying with a fresh measurement…</source>
        <translation>Vérification avec une nouvelle mesure…</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SystemServicePage</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Daemon&apos;s state</source>
        <translation>État selon le service</translation>
    </message>
    <message>
        <source>Daemon&apos;s offset</source>
        <translation>Décalage selon le service</translation>
    </message>
    <message>
        <source>Chronoscope&apos;s offset</source>
        <translation>Décalage selon Chronoscope</translation>
    </message>
    <message>
        <source>Compared with Chronoscope</source>
        <translation>Comparaison avec Chronoscope</translation>
    </message>
    <message>
        <source>Sources of the system time service</source>
        <translation>Sources du service de temps du système</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read the system&apos;s time service again</source>
        <translation>Interroger à nouveau le service de temps du système</translation>
    </message>
    <message>
        <source>The system&apos;s time service has not been read yet.</source>
        <translation>Le service de temps du système n&apos;a pas encore été interrogé.</translation>
    </message>
    <message>
        <source>S&amp;ystem Time Service</source>
        <translation>Service de temps du s&amp;ystème</translation>
    </message>
    <message>
        <source>Reading the system&apos;s time service…</source>
        <translation>Interrogation du service de temps du système…</translation>
    </message>
    <message>
        <source>No time service was found on this computer.</source>
        <translation>Aucun service de temps n&apos;a été trouvé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>%1 n&apos;a pas pu être interrogé.</translation>
    </message>
    <message>
        <source>%1 (read from %2) is not synchronised to any source.</source>
        <translation>%1 (interrogé via %2) n&apos;est synchronisé sur aucune source.</translation>
    </message>
    <message>
        <source>%1 (read from %2) follows %3.</source>
        <translation>%1 (interrogé via %2) suit %3.</translation>
    </message>
    <message>
        <source>offset of this clock %1 (positive: behind)</source>
        <translation>décalage de cette horloge %1 (positif : en retard)</translation>
    </message>
    <message>
        <source>frequency %1 ppm</source>
        <translation>fréquence %1 ppm</translation>
    </message>
    <message>
        <source>stratum %1</source>
        <translation>strate %1</translation>
    </message>
    <message>
        <source>leap status: %1</source>
        <translation>état de seconde intercalaire : %1</translation>
    </message>
    <message>
        <source>&amp;Apply Chronoscope&apos;s Servers…</source>
        <translation>A&amp;ppliquer les serveurs de Chronoscope…</translation>
    </message>
    <message>
        <source>This build of Chronoscope cannot change the system&apos;s time service.</source>
        <translation>Cette version de Chronoscope ne peut pas modifier le service de temps du système.</translation>
    </message>
    <message>
        <source>Read the system&apos;s time service first.</source>
        <translation>Lisez d’abord le service de temps du système.</translation>
    </message>
    <message>
        <source>No chronyd, systemd-timesyncd or ntpd was found on this computer.</source>
        <translation>Ni chronyd, ni systemd-timesyncd, ni ntpd n’a été trouvé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The helper is still working.</source>
        <translation>L’assistant travaille encore.</translation>
    </message>
    <message>
        <source>Chronoscope&apos;s server list is empty: add servers first.</source>
        <translation>La liste des serveurs de Chronoscope est vide : ajoutez d’abord des serveurs.</translation>
    </message>
    <message>
        <source>&amp;Apply Chronoscope&apos;s Servers to %1…</source>
        <translation>A&amp;ppliquer les serveurs de Chronoscope à %1…</translation>
    </message>
    <message>
        <source>Write Chronoscope&apos;s server list to %1&apos;s configuration through the helper, after a preview</source>
        <translation>Écrire la liste des serveurs de Chronoscope dans la configuration de %1 par l’assistant, après un aperçu</translation>
    </message>
    <message>
        <source>Restore %1&apos;s configuration from before Chronoscope changed it</source>
        <translation>Restaurer la configuration de %1 d’avant la modification par Chronoscope</translation>
    </message>
    <message>
        <source>Rev&amp;ert…</source>
        <translation>&amp;Rétablir…</translation>
    </message>
    <message>
        <source>Rev&amp;ert %1…</source>
        <translation>&amp;Rétablir %1…</translation>
    </message>
    <message>
        <source>Read Thro&amp;ugh the Helper…</source>
        <translation>Lire via l’ass&amp;istant…</translation>
    </message>
    <message>
        <source>Read chronyd&apos;s command socket with the helper&apos;s administrator rights. You are asked for an administrator password; the helper only reads and changes nothing.</source>
        <translation>Lire le socket de commande de chronyd avec les droits d’administrateur de l’assistant. Un mot de passe d’administrateur vous est demandé ; l’assistant se contente de lire et ne modifie rien.</translation>
    </message>
    <message>
        <source>Reading chronyd through the helper (it may ask for an administrator password)…</source>
        <translation>Lecture de chronyd via l’assistant (un mot de passe d’administrateur peut vous être demandé)…</translation>
    </message>
    <message>
        <source>Permission denied: this user may not read %1&apos;s command socket. Read it through the helper (Read Through the Helper…, which asks for an administrator password and only reads), let chronyd answer on its command port (cmdport 323 on 127.0.0.1), which this page then reads, or read it as root with chronoscope-cli system.</source>
        <translation>Permission refusée : cet utilisateur ne peut pas lire le socket de commande de %1. Lisez-le via l’assistant (« Lire via l’assistant… », qui demande un mot de passe d’administrateur et se contente de lire), laissez chronyd répondre sur son port de commande (cmdport 323 sur 127.0.0.1), que cette page lit alors, ou lisez-le en tant que root avec chronoscope-cli system.</translation>
    </message>
    <message>
        <source>Reading %1 through the helper failed: %2</source>
        <translation>La lecture de %1 via l’assistant a échoué : %2</translation>
    </message>
    <message>
        <source>Read through the helper with administrator rights; nothing was changed. Refresh reads directly again.</source>
        <translation>Lu via l’assistant avec les droits d’administrateur ; rien n’a été modifié. « Actualiser » relit directement.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::TimeServiceDialog</name>
    <message>
        <source>&amp;Lines the helper will write:</source>
        <translation>&amp;Lignes que l’assistant écrira :</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Why the servers cannot be applied</source>
        <translation>Pourquoi les serveurs ne peuvent pas être appliqués</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Lines the helper will write</source>
        <translation>Lignes que l’assistant écrira</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Apply Chronoscope&apos;s Servers to %1</source>
        <translation>Appliquer les serveurs de Chronoscope à %1</translation>
    </message>
    <message>
        <source>&amp;Apply to %1</source>
        <translation>&amp;Appliquer à %1</translation>
    </message>
    <message>
        <source>and make chronyd reload its sources</source>
        <translation>et fera recharger ses sources à chronyd</translation>
    </message>
    <message>
        <source>and restart systemd-timesyncd</source>
        <translation>et redémarrera systemd-timesyncd</translation>
    </message>
    <message>
        <source>between the lines &quot;# BEGIN chronoscope&quot; and &quot;# END chronoscope&quot;, keep the rest of the file as it is, and restart ntpd</source>
        <translation>entre les lignes « # BEGIN chronoscope » et « # END chronoscope », laissera le reste du fichier tel quel et redémarrera ntpd</translation>
    </message>
    <message>
        <source>Chronoscope&apos;s helper will write %1 server(s) to %2 %3. You may be asked for an administrator password.</source>
        <extracomment>%1 the number of servers, %2 the file, %3 how the daemon is told</extracomment>
        <translation>L’assistant de Chronoscope écrira %1 serveur(s) dans %2 %3. Un mot de passe d’administrateur peut vous être demandé.</translation>
    </message>
    <message>
        <source>The present configuration is backed up first (once: Revert always returns to the configuration from before Chronoscope&apos;s first change). The helper then watches %1 for 20 seconds and restores the backup by itself if %1 stops, loses its sources or none of the servers answers.</source>
        <extracomment>%1 the daemon</extracomment>
        <translation>La configuration actuelle est d’abord sauvegardée (une seule fois : Rétablir revient toujours à la configuration d’avant la première modification par Chronoscope). L’assistant surveille ensuite %1 pendant 20 secondes et restaure lui-même la sauvegarde si %1 s’arrête, perd ses sources ou si aucun des serveurs ne répond.</translation>
    </message>
    <message>
        <source>These servers cannot be applied: %1</source>
        <translation>Ces serveurs ne peuvent pas être appliqués : %1</translation>
    </message>
    <message>
        <source>Revert %1&apos;s Servers</source>
        <translation>Rétablir les serveurs de %1</translation>
    </message>
    <message>
        <source>&amp;Revert %1</source>
        <translation>&amp;Rétablir %1</translation>
    </message>
    <message>
        <source>Chronoscope&apos;s helper will restore %2 as it was before Chronoscope first changed it (or remove Chronoscope&apos;s file if there was none) and make %1 read it again. You may be asked for an administrator password.</source>
        <extracomment>%1 the daemon, %2 the file</extracomment>
        <translation>L’assistant de Chronoscope restaurera %2 tel qu’il était avant la première modification par Chronoscope (ou supprimera le fichier de Chronoscope s’il n’y en avait pas) et le fera relire à %1. Un mot de passe d’administrateur peut vous être demandé.</translation>
    </message>
    <message>
        <source>If Chronoscope never changed %1&apos;s configuration, nothing is changed.</source>
        <translation>Si Chronoscope n’a jamais modifié la configuration de %1, rien n’est modifié.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::TrayController</name>
    <message>
        <source>&amp;Show Chronoscope</source>
        <translation>&amp;Afficher Chronoscope</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Chronoscope</source>
        <translation>Chronoscope</translation>
    </message>
    <message>
        <source>Chronoscope: %1</source>
        <translation>Chronoscope : %1</translation>
    </message>
</context>
</TS>
