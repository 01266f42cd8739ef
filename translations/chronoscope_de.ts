<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HeadlineText</name>
    <message>
        <source>keeps time to within 1 ms per day</source>
        <translation>und hält die Zeit auf 1 ms pro Tag genau</translation>
    </message>
    <message>
        <source>gains about %1 per day</source>
        <extracomment>%1: seconds per day, e.g. &quot;4.3 s&quot;</extracomment>
        <translation>und gewinnt etwa %1 pro Tag</translation>
    </message>
    <message>
        <source>loses about %1 per day</source>
        <translation>und verliert etwa %1 pro Tag</translation>
    </message>
    <message>
        <source>Measuring… waiting for enough replies from the servers</source>
        <translation>Messung läuft… warte auf genügend Antworten der Server</translation>
    </message>
    <message>
        <source>No time server answers: check the network or the server list</source>
        <translation>Kein Zeitserver antwortet: Prüfen Sie das Netzwerk oder die Serverliste</translation>
    </message>
    <message>
        <source>Cannot tell the time: %1</source>
        <translation>Die Zeit lässt sich nicht bestimmen: %1</translation>
    </message>
    <message>
        <source>The servers&apos; answers cannot be trusted: no usable majority</source>
        <translation>Den Antworten der Server ist nicht zu trauen: keine brauchbare Mehrheit</translation>
    </message>
    <message>
        <source>Your clock is correct to within %1</source>
        <translation>Ihre Uhr geht auf %1 genau</translation>
    </message>
    <message>
        <source>Your clock is %1 behind (± %2)</source>
        <translation>Ihre Uhr geht %1 nach (± %2)</translation>
    </message>
    <message>
        <source>Your clock is %1 ahead (± %2)</source>
        <translation>Ihre Uhr geht %1 vor (± %2)</translation>
    </message>
    <message>
        <source>Your clock is %1 behind</source>
        <translation>Ihre Uhr geht %1 nach</translation>
    </message>
    <message>
        <source>Your clock is %1 ahead</source>
        <translation>Ihre Uhr geht %1 vor</translation>
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
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>No time server answers</source>
        <translation>Kein Zeitserver antwortet</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n server(s) replies: check the network or the server list.</source>
        <translation>
            <numerusform>Der Server antwortet nicht: Prüfen Sie das Netzwerk oder die Serverliste.</numerusform>
            <numerusform>Keiner der %n Server antwortet: Prüfen Sie das Netzwerk oder die Serverliste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time servers answer again</source>
        <translation>Zeitserver antworten wieder</translation>
    </message>
    <message>
        <source>Chronoscope is measuring your clock again.</source>
        <translation>Chronoscope misst Ihre Uhr wieder.</translation>
    </message>
    <message>
        <source>Your clock is off by %1</source>
        <translation>Ihre Uhr weicht um %1 ab</translation>
    </message>
    <message>
        <source>It is %1 behind the time servers (limit %2).</source>
        <translation>Sie geht %1 hinter den Zeitservern nach (Grenze %2).</translation>
    </message>
    <message>
        <source>It is %1 ahead of the time servers (limit %2).</source>
        <translation>Sie geht %1 gegenüber den Zeitservern vor (Grenze %2).</translation>
    </message>
    <message>
        <source>Your clock is back on time</source>
        <translation>Ihre Uhr geht wieder richtig</translation>
    </message>
    <message>
        <source>The offset is %1, within the limit of %2.</source>
        <translation>Die Abweichung beträgt %1, innerhalb der Grenze von %2.</translation>
    </message>
</context>
<context>
    <name>NtsText</name>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (vor %2)</translation>
    </message>
    <message>
        <source>NTS · negotiating</source>
        <extracomment>Authentication column: NTS key exchange running</extracomment>
        <translation>NTS · wird ausgehandelt</translation>
    </message>
    <message>
        <source>NTS · failed</source>
        <extracomment>Authentication column: the NTS key exchange failed</extracomment>
        <translation>NTS · fehlgeschlagen</translation>
    </message>
    <message>
        <source>NTS</source>
        <extracomment>Authentication column: Network Time Security in use</extracomment>
        <translation>NTS</translation>
    </message>
    <message>
        <source>NTS key exchange with %1:%2 failed: %3</source>
        <translation>NTS-Schlüsselaustausch mit %1:%2 fehlgeschlagen: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) authenticated with NTS; keys from %1:%2, %3 cookie(s) left</source>
        <translation>
            <numerusform>%n Antwort mit NTS authentifiziert; Schlüssel von %1:%2, %3 Cookie(s) übrig</numerusform>
            <numerusform>%n Antworten mit NTS authentifiziert; Schlüssel von %1:%2, %3 Cookie(s) übrig</numerusform>
        </translation>
    </message>
    <message>
        <source>Key exchange</source>
        <translation>Schlüsselaustausch</translation>
    </message>
    <message>
        <source>%1 port %2 (%3)</source>
        <translation>%1 Port %2 (%3)</translation>
    </message>
    <message>
        <source>Vouched for by</source>
        <translation>Verbürgt durch</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
    <message>
        <source>Keys negotiated</source>
        <translation>Schlüssel ausgehandelt</translation>
    </message>
    <message>
        <source>Next key exchange</source>
        <translation>Nächster Schlüsselaustausch</translation>
    </message>
    <message>
        <source>%1, or earlier after a NAK or when the cookies run out</source>
        <translation>%1, oder früher nach einem NAK oder wenn die Cookies ausgehen</translation>
    </message>
    <message>
        <source>Cookies left</source>
        <translation>Verbleibende Cookies</translation>
    </message>
    <message>
        <source>%1 of 8</source>
        <translation>%1 von 8</translation>
    </message>
    <message>
        <source>NTP server</source>
        <translation>NTP-Server</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 Port %2</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Schutz</translation>
    </message>
    <message>
        <source>%1 over %2</source>
        <translation>%1 über %2</translation>
    </message>
    <message>
        <source>Key exchanges</source>
        <translation>Schlüsselaustausche</translation>
    </message>
    <message>
        <source>%1 (%2 failed, %3 NAK(s))</source>
        <translation>%1 (%2 fehlgeschlagen, %3 NAK(s))</translation>
    </message>
    <message>
        <source>Last NTS problem (%1): &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Letztes NTS-Problem (%1): &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No NTS problem so far.</source>
        <translation>Bisher kein NTS-Problem.</translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message>
        <source>waiting for the first reply</source>
        <translation>warte auf die erste Antwort</translation>
    </message>
    <message>
        <source>resolving %1</source>
        <extracomment>%1 host name</extracomment>
        <translation>%1 wird aufgelöst</translation>
    </message>
    <message>
        <source>could not resolve &apos;%1&apos;: %2</source>
        <extracomment>%1 host name, %2 error from the resolver</extracomment>
        <translation>„%1“ ließ sich nicht auflösen: %2</translation>
    </message>
    <message>
        <source>key %1 is not in the key store or key file; nothing is sent without it</source>
        <translation>Schlüssel %1 ist weder im Schlüsselspeicher noch in der Schlüsseldatei; ohne ihn wird nichts gesendet</translation>
    </message>
    <message>
        <source>cannot compute the MAC with key %1: %2</source>
        <translation>der MAC mit Schlüssel %1 lässt sich nicht berechnen: %2</translation>
    </message>
    <message>
        <source>reply not usable: %1 (%2)</source>
        <extracomment>%1 why the reply was rejected, %2 detail</extracomment>
        <translation>Antwort nicht verwendbar: %1 (%2)</translation>
    </message>
    <message>
        <source>authentication failed: %1 (%2)</source>
        <translation>Authentifizierung fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source>server denied access (kiss code DENY); no longer polling it</source>
        <translation>Server verweigert den Zugriff (Kiss-Code DENY); er wird nicht mehr abgefragt</translation>
    </message>
    <message>
        <source>server restricts access (kiss code RSTR); no longer polling it</source>
        <translation>Server schränkt den Zugriff ein (Kiss-Code RSTR); er wird nicht mehr abgefragt</translation>
    </message>
    <message>
        <source>server asked us to poll less often (kiss code RATE); next poll in %1</source>
        <extracomment>%1 duration, e.g. &quot;64 s&quot;</extracomment>
        <translation>Server bittet um seltenere Abfragen (Kiss-Code RATE); nächste Abfrage in %1</translation>
    </message>
    <message>
        <source>server sent kiss code %1</source>
        <translation>Server sandte Kiss-Code %1</translation>
    </message>
    <message>
        <source>the server no longer accepts our NTS cookies; negotiating new keys</source>
        <translation>der Server akzeptiert unsere NTS-Cookies nicht mehr; neue Schlüssel werden ausgehandelt</translation>
    </message>
    <message>
        <source>NTS key exchange with %1 port %2</source>
        <extracomment>%1 host, %2 port</extracomment>
        <translation>NTS-Schlüsselaustausch mit %1 Port %2</translation>
    </message>
    <message>
        <source>NTS keys negotiated; waiting for the first authentic reply</source>
        <translation>NTS-Schlüssel ausgehandelt; warte auf die erste authentische Antwort</translation>
    </message>
    <message>
        <source>NTS key exchange with %1 port %2 failed: %3 (%4)</source>
        <extracomment>%1 host, %2 port, %3 why, %4 detail</extracomment>
        <translation>NTS-Schlüsselaustausch mit %1 Port %2 fehlgeschlagen: %3 (%4)</translation>
    </message>
    <message>
        <source>no authentic reply; rejected: %1 (%2)</source>
        <translation>keine authentische Antwort; verworfen: %1 (%2)</translation>
    </message>
    <message>
        <source>no reply to requests authenticated with key %1 (%2): the key is likely wrong or unknown to the server, or the server is down</source>
        <extracomment>%1 key id, %2 key type</extracomment>
        <translation>keine Antwort auf mit Schlüssel %1 (%2) authentifizierte Anfragen: Der Schlüssel ist wahrscheinlich falsch oder dem Server unbekannt, oder der Server ist nicht in Betrieb</translation>
    </message>
    <message>
        <source>connection refused: nothing answers NTP on port %1</source>
        <translation>Verbindung abgelehnt: auf Port %1 antwortet kein NTP</translation>
    </message>
    <message>
        <source>no valid reply; rejected: %1 (%2)</source>
        <translation>keine gültige Antwort; verworfen: %1 (%2)</translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation>Netzwerkfehler: %1</translation>
    </message>
    <message numerus="yes">
        <source>no reply to the last %n request(s)</source>
        <extracomment>%n number of requests (1 to 8)</extracomment>
        <translation>
            <numerusform>keine Antwort auf die letzte Anfrage</numerusform>
            <numerusform>keine Antwort auf die letzten %n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>no reply within %1</source>
        <extracomment>%1 duration, e.g. &quot;1 s&quot;</extracomment>
        <translation>keine Antwort innerhalb von %1</translation>
    </message>
    <message>
        <source>only invalid replies: %1 (%2)</source>
        <translation>nur ungültige Antworten: %1 (%2)</translation>
    </message>
    <message>
        <source>measured but never used (noselect)</source>
        <translation>gemessen, aber nie verwendet (noselect)</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>no valid sample yet</source>
        <translation>noch keine gültige Messung</translation>
    </message>
    <message>
        <source>the server says its clock is not synchronised</source>
        <translation>der Server meldet, seine Uhr sei nicht synchronisiert</translation>
    </message>
    <message>
        <source>stratum %1: the server is not synchronised</source>
        <translation>Stratum %1: Der Server ist nicht synchronisiert</translation>
    </message>
    <message>
        <source>root distance %1 is above the %2 limit</source>
        <extracomment>%1 root distance, %2 limit, e.g. &quot;1.6 s&quot;</extracomment>
        <translation>Wurzeldistanz %1 liegt über der Grenze von %2</translation>
    </message>
    <message>
        <source>jitter %1 is above the %2 limit</source>
        <translation>Jitter %1 liegt über der Grenze von %2</translation>
    </message>
    <message>
        <source>no majority: the %1 usable servers do not agree</source>
        <translation>keine Mehrheit: Die %1 verwendbaren Server stimmen nicht überein</translation>
    </message>
    <message>
        <source>disagrees with the trusted server(s)</source>
        <translation>weicht von den vertrauenswürdigen Servern ab</translation>
    </message>
    <message numerus="yes">
        <source>disagrees with %n other server(s)</source>
        <extracomment>%n number of other servers</extracomment>
        <translation>
            <numerusform>weicht von einem anderen Server ab</numerusform>
            <numerusform>weicht von %n anderen Servern ab</numerusform>
        </translation>
    </message>
    <message>
        <source>only %1 server(s) agree; at least %2 are required (minsources)</source>
        <extracomment>%1 servers that agree, %2 servers required</extracomment>
        <translation>nur %1 Server stimmen überein; mindestens %2 sind erforderlich (minsources)</translation>
    </message>
    <message>
        <source>waiting for a required server to become usable (require)</source>
        <translation>warte darauf, dass ein erforderlicher Server verwendbar wird (require)</translation>
    </message>
    <message>
        <source>not combined: a preferred server is available</source>
        <translation>nicht kombiniert: Ein bevorzugter Server ist verfügbar</translation>
    </message>
    <message>
        <source>not combined: offset %1 is too far from the others</source>
        <extracomment>%1 offset, e.g. &quot;12.3 ms&quot;</extracomment>
        <translation>nicht kombiniert: Abweichung %1 liegt zu weit von den anderen entfernt</translation>
    </message>
    <message>
        <source>no servers configured</source>
        <translation>keine Server eingerichtet</translation>
    </message>
    <message>
        <source>no server is usable</source>
        <translation>kein Server ist verwendbar</translation>
    </message>
    <message>
        <source>no majority: the usable servers disagree with each other</source>
        <translation>keine Mehrheit: Die verwendbaren Server widersprechen einander</translation>
    </message>
    <message>
        <source>reply came from a different address or port</source>
        <translation>Antwort kam von einer anderen Adresse oder einem anderen Port</translation>
    </message>
    <message>
        <source>malformed packet</source>
        <translation>fehlerhaftes Paket</translation>
    </message>
    <message>
        <source>not a server reply</source>
        <translation>keine Serverantwort</translation>
    </message>
    <message>
        <source>reply without an outstanding request</source>
        <translation>Antwort ohne offene Anfrage</translation>
    </message>
    <message>
        <source>origin timestamp does not match our request</source>
        <translation>Ursprungszeitstempel passt nicht zu unserer Anfrage</translation>
    </message>
    <message>
        <source>duplicate of an earlier reply</source>
        <translation>Duplikat einer früheren Antwort</translation>
    </message>
    <message>
        <source>reply carries a zero timestamp</source>
        <translation>Antwort enthält einen Null-Zeitstempel</translation>
    </message>
    <message>
        <source>kiss-o&apos;-death</source>
        <translation>Kiss-o’-Death</translation>
    </message>
    <message>
        <source>server says its clock is not synchronised</source>
        <translation>Server meldet, seine Uhr sei nicht synchronisiert</translation>
    </message>
    <message>
        <source>stratum 0 without a kiss code</source>
        <translation>Stratum 0 ohne Kiss-Code</translation>
    </message>
    <message>
        <source>server is unsynchronised (stratum 16)</source>
        <translation>Server ist nicht synchronisiert (Stratum 16)</translation>
    </message>
    <message>
        <source>root distance of 16 s or more</source>
        <translation>Wurzeldistanz von 16 s oder mehr</translation>
    </message>
    <message>
        <source>server timestamps are inconsistent</source>
        <translation>Zeitstempel des Servers sind widersprüchlich</translation>
    </message>
    <message>
        <source>round-trip delay above the limit</source>
        <translation>Umlaufzeit über der Grenze</translation>
    </message>
    <message>
        <source>reply is not authenticated</source>
        <translation>Antwort ist nicht authentifiziert</translation>
    </message>
    <message>
        <source>reply is authenticated with another key</source>
        <translation>Antwort ist mit einem anderen Schlüssel authentifiziert</translation>
    </message>
    <message>
        <source>reply failed authentication (MAC does not verify)</source>
        <translation>Authentifizierung der Antwort fehlgeschlagen (MAC stimmt nicht)</translation>
    </message>
    <message>
        <source>server refused our key (crypto-NAK)</source>
        <translation>Server lehnt unseren Schlüssel ab (Crypto-NAK)</translation>
    </message>
    <message>
        <source>no key to authenticate the request with</source>
        <translation>kein Schlüssel zum Authentifizieren der Anfrage</translation>
    </message>
    <message>
        <source>no reply in time</source>
        <translation>keine rechtzeitige Antwort</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>held back as a popcorn spike</source>
        <translation>als Ausreißerspitze zurückgehalten</translation>
    </message>
    <message>
        <source>the key-exchange server&apos;s name does not resolve</source>
        <translation>der Name des Schlüsselaustausch-Servers lässt sich nicht auflösen</translation>
    </message>
    <message>
        <source>cannot connect to the key-exchange server</source>
        <translation>keine Verbindung zum Schlüsselaustausch-Server möglich</translation>
    </message>
    <message>
        <source>the key exchange did not finish in time</source>
        <translation>der Schlüsselaustausch wurde nicht rechtzeitig abgeschlossen</translation>
    </message>
    <message>
        <source>the TLS handshake with the key-exchange server failed</source>
        <translation>der TLS-Handshake mit dem Schlüsselaustausch-Server ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the key-exchange server does not offer TLS 1.3</source>
        <translation>der Schlüsselaustausch-Server bietet kein TLS 1.3 an</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not signed by a trusted authority</source>
        <translation>das Zertifikat des Servers ist nicht von einer vertrauenswürdigen Zertifizierungsstelle signiert</translation>
    </message>
    <message>
        <source>the server&apos;s certificate has expired or is not yet valid</source>
        <translation>das Zertifikat des Servers ist abgelaufen oder noch nicht gültig</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is for a different host name</source>
        <translation>das Zertifikat des Servers gilt für einen anderen Hostnamen</translation>
    </message>
    <message>
        <source>the server does not speak the NTS key-exchange protocol</source>
        <translation>der Server beherrscht das NTS-Schlüsselaustauschprotokoll nicht</translation>
    </message>
    <message>
        <source>the key-exchange reply is malformed</source>
        <translation>die Antwort des Schlüsselaustauschs ist fehlerhaft</translation>
    </message>
    <message>
        <source>the key-exchange server refused the request</source>
        <translation>der Schlüsselaustausch-Server hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>the key-exchange server sent a warning</source>
        <translation>der Schlüsselaustausch-Server hat eine Warnung gesendet</translation>
    </message>
    <message>
        <source>the key-exchange reply has a critical record we do not know</source>
        <translation>die Antwort des Schlüsselaustauschs enthält einen unbekannten kritischen Datensatz</translation>
    </message>
    <message>
        <source>the key-exchange server offered nothing usable (no NTPv4, algorithm or cookies)</source>
        <translation>der Schlüsselaustausch-Server bot nichts Brauchbares an (kein NTPv4, kein Algorithmus oder keine Cookies)</translation>
    </message>
    <message>
        <source>no NTS cookies left</source>
        <translation>keine NTS-Cookies mehr übrig</translation>
    </message>
    <message>
        <source>the server no longer accepts our cookies (NTS NAK); new keys are negotiated</source>
        <translation>der Server akzeptiert unsere Cookies nicht mehr (NTS NAK); neue Schlüssel werden ausgehandelt</translation>
    </message>
    <message>
        <source>reply does not answer our request (NTS unique identifier)</source>
        <translation>Antwort passt nicht zu unserer Anfrage (NTS Unique Identifier)</translation>
    </message>
    <message>
        <source>reply without an NTS authenticator</source>
        <translation>Antwort ohne NTS-Authentifikator</translation>
    </message>
    <message>
        <source>reply&apos;s NTS authenticator is wrong</source>
        <translation>NTS-Authentifikator der Antwort ist falsch</translation>
    </message>
    <message>
        <source>reply&apos;s NTS extension fields are malformed</source>
        <translation>NTS-Erweiterungsfelder der Antwort sind fehlerhaft</translation>
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
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Host or address:</source>
        <translation>&amp;Host oder Adresse:</translation>
    </message>
    <message>
        <source>ntp.example.org or 192.0.2.1</source>
        <translation>ntp.example.org oder 192.0.2.1</translation>
    </message>
    <message>
        <source>Host or address</source>
        <translation>Host oder Adresse</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Single server</source>
        <translation>Einzelner Server</translation>
    </message>
    <message>
        <source>Pool (use up to 4 of its addresses)</source>
        <translation>Pool (bis zu 4 seiner Adressen verwenden)</translation>
    </message>
    <message>
        <source>Mi&amp;nimum poll:</source>
        <translation>Mi&amp;nimales Abfrageintervall:</translation>
    </message>
    <message>
        <source>Minimum poll (log2 seconds)</source>
        <translation>Minimales Abfrageintervall (log2 Sekunden)</translation>
    </message>
    <message>
        <source>Ma&amp;ximum poll:</source>
        <translation>Ma&amp;ximales Abfrageintervall:</translation>
    </message>
    <message>
        <source>Maximum poll (log2 seconds)</source>
        <translation>Maximales Abfrageintervall (log2 Sekunden)</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Key id (0 for none)</source>
        <translation>Schlüsselnummer (0 für keine)</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>&amp;iburst: send a quick burst at start-up</source>
        <translation>&amp;iburst: beim Start schnell mehrere Anfragen senden</translation>
    </message>
    <message>
        <source>&amp;prefer: favour this server when it agrees with the others</source>
        <translation>&amp;prefer: diesen Server bevorzugen, wenn er mit den anderen übereinstimmt</translation>
    </message>
    <message>
        <source>&amp;noselect: measure and show, never use for the system time</source>
        <translation>&amp;noselect: messen und anzeigen, nie für die Systemzeit verwenden</translation>
    </message>
    <message>
        <source>&amp;trust: never mark this server a falseticker</source>
        <translation>&amp;trust: diesen Server nie als Falschläufer einstufen</translation>
    </message>
    <message>
        <source>x&amp;leave: ask for the server&apos;s precise transmit time (interleaved mode)</source>
        <translation>x&amp;leave: die genaue Sendezeit des Servers erfragen (Interleaved-Modus)</translation>
    </message>
    <message>
        <source>Problem with the input</source>
        <translation>Problem mit der Eingabe</translation>
    </message>
    <message>
        <source>T&amp;est this server</source>
        <translation>Diesen Server &amp;testen</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <source>NTS:</source>
        <translation>NTS:</translation>
    </message>
    <message>
        <source>Use &amp;NTS (authenticated, no shared key)</source>
        <translation>NTS &amp;verwenden (authentifiziert, ohne gemeinsamen Schlüssel)</translation>
    </message>
    <message>
        <source>Use Network Time Security</source>
        <translation>Network Time Security verwenden</translation>
    </message>
    <message>
        <source>key exchange port </source>
        <translation>Schlüsselaustausch-Port </translation>
    </message>
    <message>
        <source>NTS key exchange port</source>
        <translation>NTS-Schlüsselaustausch-Port</translation>
    </message>
</context>
<context>
    <name>ServerState</name>
    <message>
        <source>system peer</source>
        <translation>Systemquelle</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>outlier</source>
        <translation>Ausreißer</translation>
    </message>
    <message>
        <source>falseticker</source>
        <translation>Falschläufer</translation>
    </message>
    <message>
        <source>jittery</source>
        <translation>zu unruhig</translation>
    </message>
    <message>
        <source>unusable</source>
        <translation>unbrauchbar</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>rate-limited</source>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>Authentifizierung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>Your clock is off by %1 (± %2). Chronoscope will slew it: the clock runs slightly fast or slow until the difference is gone, without ever jumping.</source>
        <extracomment>%1 signed offset (&quot;+183 ms&quot;), %2 error bound (&quot;1.2 ms&quot;)</extracomment>
        <translation>Ihre Uhr weicht um %1 ab (± %2). Chronoscope gleicht sie allmählich an: Die Uhr läuft etwas schneller oder langsamer, bis der Unterschied verschwunden ist, ohne je zu springen.</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>vor</translation>
    </message>
    <message>
        <source>back</source>
        <translation>zurück</translation>
    </message>
    <message>
        <source>Your clock is off by %2 (± %3). Chronoscope will step it %1 at once: the time jumps.</source>
        <extracomment>%1 &quot;forward&quot;/&quot;back&quot;, %2 signed offset, %3 error bound</extracomment>
        <translation>Ihre Uhr weicht um %2 ab (± %3). Chronoscope stellt sie sofort %1: Die Zeit springt.</translation>
    </message>
    <message>
        <source>%1 of %2 servers agree on this time.</source>
        <extracomment>%1 agreeing servers, %2 answering servers, %3 system peer name</extracomment>
        <translation>%1 von %2 Servern stimmen in dieser Zeit überein.</translation>
    </message>
    <message>
        <source>Best server: %1.</source>
        <translation>Bester Server: %1.</translation>
    </message>
    <message>
        <source>There is nothing to synchronise to: no majority of servers agrees on the time.</source>
        <translation>Es gibt nichts, womit synchronisiert werden könnte: Keine Mehrheit der Server stimmt in der Zeit überein.</translation>
    </message>
    <message>
        <source>Your clock is already correct to within the measurement&apos;s error bound (%1 ± %2).</source>
        <translation>Ihre Uhr geht bereits innerhalb der Messgenauigkeit richtig (%1 ± %2).</translation>
    </message>
    <message>
        <source>The servers are more than ten years away from your clock. Check the servers before changing anything.</source>
        <translation>Die Server liegen mehr als zehn Jahre neben Ihrer Uhr. Prüfen Sie die Server, bevor Sie etwas ändern.</translation>
    </message>
    <message>
        <source>systemd-timesyncd is running and will undo this change at its next poll. Turn it off first with “timedatectl set-ntp false”, or let it keep the clock.</source>
        <translation>systemd-timesyncd läuft und macht diese Änderung bei seiner nächsten Abfrage rückgängig. Schalten Sie ihn zuerst mit „timedatectl set-ntp false“ ab, oder überlassen Sie ihm die Uhr.</translation>
    </message>
    <message>
        <source>chronyd is running and will pull the clock back to its own estimate. Let chrony correct the clock (“chronyc makestep”), or stop it first.</source>
        <translation>chronyd läuft und zieht die Uhr auf seine eigene Schätzung zurück. Lassen Sie chrony die Uhr korrigieren („chronyc makestep“), oder beenden Sie es zuerst.</translation>
    </message>
    <message>
        <source>%1 is running and will undo this change. Stop it first, or let it keep the clock.</source>
        <translation>%1 läuft und macht diese Änderung rückgängig. Beenden Sie es zuerst, oder überlassen Sie ihm die Uhr.</translation>
    </message>
    <message>
        <source>The kernel reports that another program already disciplines the clock; it may undo this change.</source>
        <translation>Der Kernel meldet, dass bereits ein anderes Programm die Uhr regelt; es könnte diese Änderung rückgängig machen.</translation>
    </message>
    <message>
        <source>Simulated: the helper&apos;s test clock was changed by %1; your clock was not.</source>
        <translation>Simuliert: Die Testuhr des Hilfsprogramms wurde um %1 verstellt, Ihre Uhr nicht.</translation>
    </message>
    <message>
        <source>The clock is being slewed by %1.</source>
        <translation>Die Uhr wird allmählich um %1 angeglichen.</translation>
    </message>
    <message>
        <source>The clock was stepped by %1.</source>
        <translation>Die Uhr wurde um %1 gestellt.</translation>
    </message>
    <message>
        <source>Dry run: the helper accepted a change of %1 and changed nothing.</source>
        <translation>Probelauf: Das Hilfsprogramm hat eine Änderung um %1 angenommen und nichts verändert.</translation>
    </message>
    <message>
        <source>Cancelled: the password prompt was closed. The clock was not changed.</source>
        <translation>Abgebrochen: Die Passwortabfrage wurde geschlossen. Die Uhr wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The offset changed while you confirmed it. Please review the new proposal.</source>
        <translation>Die Abweichung hat sich während Ihrer Bestätigung geändert. Bitte prüfen Sie den neuen Vorschlag.</translation>
    </message>
    <message>
        <source>Refused: the change was not confirmed. The clock was not changed.</source>
        <translation>Abgelehnt: Die Änderung wurde nicht bestätigt. Die Uhr wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Refused: the clock was changed moments ago. Wait a few seconds and try again.</source>
        <translation>Abgelehnt: Die Uhr wurde eben erst verändert. Warten Sie einige Sekunden und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Refused: the measurement was too old when it reached the helper. Try again.</source>
        <translation>Abgelehnt: Die Messung war zu alt, als sie beim Hilfsprogramm ankam. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Refused: the resulting date would be impossible (before this version was built, or after 2100).</source>
        <translation>Abgelehnt: Das sich ergebende Datum wäre unmöglich (vor dem Bau dieser Version oder nach 2100).</translation>
    </message>
    <message>
        <source>Refused by the helper (%1). The clock was not changed.</source>
        <extracomment>%1 technical reason (&quot;out_of_range&quot;)</extracomment>
        <translation>Vom Hilfsprogramm abgelehnt (%1). Die Uhr wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Failed: you are not authorised to change the clock. The clock was not changed.</source>
        <translation>Fehlgeschlagen: Sie dürfen die Uhr nicht verändern. Die Uhr wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Failed: the clock helper could not be used (%1). The clock was not changed.</source>
        <extracomment>%1 technical detail</extracomment>
        <translation>Fehlgeschlagen: Das Uhr-Hilfsprogramm ließ sich nicht verwenden (%1). Die Uhr wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Failed: the system refused the change: %1 (error %2).</source>
        <extracomment>%1 system error text, %2 errno</extracomment>
        <translation>Fehlgeschlagen: Das System hat die Änderung abgelehnt: %1 (Fehler %2).</translation>
    </message>
    <message>
        <source>Verification failed: no majority of servers agreed on the time afterwards.</source>
        <translation>Prüfung fehlgeschlagen: Danach stimmte keine Mehrheit der Server in der Zeit überein.</translation>
    </message>
    <message>
        <source>Checked: your clock is now %1 from the servers (± %2); the slew continues in the background.</source>
        <extracomment>%1 signed offset, %2 error bound</extracomment>
        <translation>Geprüft: Ihre Uhr liegt jetzt %1 neben den Servern (± %2); die Angleichung läuft im Hintergrund weiter.</translation>
    </message>
    <message>
        <source>Verified: your clock is now %1 from the servers (± %2).</source>
        <translation>Bestätigt: Ihre Uhr liegt jetzt %1 neben den Servern (± %2).</translation>
    </message>
    <message>
        <source>Yes, make the clock jump by %1</source>
        <extracomment>%1 signed offset (&quot;+2.304 s&quot;)</extracomment>
        <translation>Ja, die Uhr um %1 springen lassen</translation>
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
        <translation>von Chronoscope nicht gemessen</translation>
    </message>
    <message>
        <source>Chronoscope: %1</source>
        <translation>Chronoscope: %1</translation>
    </message>
    <message>
        <source>%1 away from the majority (Chronoscope: %2)</source>
        <translation>%1 von der Mehrheit entfernt (Chronoscope: %2)</translation>
    </message>
    <message>
        <source>agrees, %1 from the majority (Chronoscope: %2)</source>
        <translation>stimmt überein, %1 von der Mehrheit (Chronoscope: %2)</translation>
    </message>
    <message>
        <source>%1 follows %2, which Chronoscope measures %3 away from the majority.</source>
        <translation>%1 folgt %2, das Chronoscope %3 von der Mehrheit entfernt misst.</translation>
    </message>
    <message>
        <source>%1 combines %2 into its time, which Chronoscope measures %3 away from the majority.</source>
        <translation>%1 bezieht %2 in seine Zeit ein, das Chronoscope %3 von der Mehrheit entfernt misst.</translation>
    </message>
    <message>
        <source>%1 rejects %2 as a falseticker, but Chronoscope finds it within %3 of the majority.</source>
        <translation>%1 verwirft %2 als Falschticker, aber Chronoscope misst es innerhalb von %3 zur Mehrheit.</translation>
    </message>
    <message>
        <source>%1 reports no sources.</source>
        <translation>%1 meldet keine Quellen.</translation>
    </message>
    <message>
        <source>Chronoscope does not measure any of %1&apos;s sources: add them to the server list to compare.</source>
        <translation>Chronoscope misst keine der Quellen von %1: Fügen Sie sie zur Serverliste hinzu, um zu vergleichen.</translation>
    </message>
    <message>
        <source>Chronoscope has no majority yet to compare with.</source>
        <translation>Chronoscope hat noch keine Mehrheit zum Vergleich.</translation>
    </message>
    <message>
        <source>%1 and Chronoscope agree: %1 follows %2, which Chronoscope finds in the majority.</source>
        <translation>%1 und Chronoscope stimmen überein: %1 folgt %2, das laut Chronoscope zur Mehrheit gehört.</translation>
    </message>
    <message>
        <source>%1 and Chronoscope agree about the sources both measure.</source>
        <translation>%1 und Chronoscope stimmen bei den Quellen überein, die beide messen.</translation>
    </message>
</context>
<context>
    <name>TimeServiceTexts</name>
    <message>
        <source>the NTS-KE port %1 cannot be written to %2&apos;s configuration (only the default port, 4460)</source>
        <extracomment>%1 a TCP port number, %2 the daemon (&quot;chronyd&quot;)</extracomment>
        <translation>der NTS-KE-Port %1 kann nicht in die Konfiguration von %2 geschrieben werden (nur der Standardport 4460)</translation>
    </message>
    <message>
        <source>the option &quot;%1&quot; cannot be written to %2&apos;s configuration; remove it from the server to apply the list</source>
        <extracomment>%1 an option word kept in English (&quot;noselect&quot;, &quot;trust&quot;, &quot;require&quot;), %2 the daemon</extracomment>
        <translation>die Option „%1“ kann nicht in die Konfiguration von %2 geschrieben werden; entfernen Sie sie beim Server, um die Liste zu übernehmen</translation>
    </message>
    <message>
        <source>the server list is empty</source>
        <translation>die Serverliste ist leer</translation>
    </message>
    <message>
        <source>%1 servers are more than the %2 that can be applied at once</source>
        <translation>%1 Server sind mehr als die %2, die auf einmal übernommen werden können</translation>
    </message>
    <message>
        <source>the host name is empty</source>
        <translation>der Hostname ist leer</translation>
    </message>
    <message>
        <source>the host name is longer than %1 characters</source>
        <translation>der Hostname ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>a host name may contain only letters, digits, &quot;-&quot; and &quot;.&quot; (or be an IP address)</source>
        <translation>ein Hostname darf nur Buchstaben, Ziffern, „-“ und „.“ enthalten (oder eine IP-Adresse sein)</translation>
    </message>
    <message>
        <source>this is not a valid host name (an empty or over-long part, &quot;-&quot; at either end, or only digits at the end)</source>
        <translation>das ist kein gültiger Hostname (ein leerer oder zu langer Teil, „-“ an einem Ende oder nur Ziffern am Ende)</translation>
    </message>
    <message>
        <source>this is not a valid IP address</source>
        <translation>das ist keine gültige IP-Adresse</translation>
    </message>
    <message>
        <source>the poll interval %1 is outside %2…%3 (log2 seconds)</source>
        <translation>das Abfrageintervall %1 liegt außerhalb von %2…%3 (log2 Sekunden)</translation>
    </message>
    <message>
        <source>minpoll is above maxpoll</source>
        <translation>minpoll ist größer als maxpoll</translation>
    </message>
    <message>
        <source>minpoll %1 is below %2 (64 s), which is allowed only for servers on this computer</source>
        <translation>minpoll %1 ist kleiner als %2 (64 s), was nur für Server auf diesem Computer erlaubt ist</translation>
    </message>
    <message>
        <source>the poll fields are inconsistent</source>
        <translation>die Abfragefelder widersprechen sich</translation>
    </message>
    <message>
        <source>NTS and a symmetric key exclude each other</source>
        <translation>NTS und ein symmetrischer Schlüssel schließen einander aus</translation>
    </message>
    <message>
        <source>key %1 is above ntpd&apos;s largest key number, %2</source>
        <translation>Schlüssel %1 ist größer als die größte Schlüsselnummer von ntpd, %2</translation>
    </message>
    <message>
        <source>systemd-timesyncd takes host names only: no port, key, NTS, prefer or poll options</source>
        <translation>systemd-timesyncd nimmt nur Hostnamen: keinen Port, Schlüssel, kein NTS, prefer und keine Abfrageoptionen</translation>
    </message>
    <message>
        <source>ntpd&apos;s configuration has no port option: only servers on port 123 can be applied</source>
        <translation>die Konfiguration von ntpd kennt keinen Port: nur Server auf Port 123 können übernommen werden</translation>
    </message>
    <message>
        <source>the server is in the list twice</source>
        <translation>der Server steht zweimal in der Liste</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 a server (&quot;ntp1.example&quot;), %2 why it cannot be applied</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 stopped running</source>
        <translation>%1 lief nicht mehr</translation>
    </message>
    <message>
        <source>%1 had no sources left</source>
        <translation>%1 hatte keine Quellen mehr</translation>
    </message>
    <message>
        <source>%1 did not take every server</source>
        <translation>%1 hat nicht jeden Server übernommen</translation>
    </message>
    <message>
        <source>none of the servers answered %1 in the grace period</source>
        <translation>keiner der Server hat %1 in der Wartezeit geantwortet</translation>
    </message>
    <message>
        <source>restarting %1 failed</source>
        <translation>der Neustart von %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 did not reload its sources</source>
        <translation>%1 hat seine Quellen nicht neu geladen</translation>
    </message>
    <message>
        <source>the check after the change failed</source>
        <translation>die Prüfung nach der Änderung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Dry run: the helper checked the servers for %1; nothing was written.</source>
        <translation>Probelauf: Das Hilfsprogramm hat die Server für %1 geprüft; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Applied: %1 now uses Chronoscope&apos;s servers; %2 of them answered.</source>
        <extracomment>%1 the daemon, %2 how many of the applied servers answered</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Dry run: %1&apos;s previous configuration could be restored; nothing was written.</source>
        <translation>Probelauf: Die vorherige Konfiguration von %1 könnte wiederhergestellt werden; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Reverted: %1&apos;s configuration from before Chronoscope&apos;s change is back.</source>
        <translation>Zurückgesetzt: Die Konfiguration von %1 von vor der Änderung durch Chronoscope ist wieder da.</translation>
    </message>
    <message>
        <source>Rolled back because %1. The previous configuration is back; nothing else changed.</source>
        <extracomment>%1 why (&quot;chronyd had no sources left&quot;)</extracomment>
        <translation>Zurückgenommen, weil %1. Die vorherige Konfiguration ist wieder da; sonst hat sich nichts geändert.</translation>
    </message>
    <message>
        <source>Rolling back failed after %1%2. Check %3&apos;s configuration by hand: the system log (journalctl -t chronoscope-helper) names the file.</source>
        <translation>Das Zurücknehmen ist fehlgeschlagen, nachdem %1%2. Prüfen Sie die Konfiguration von %3 von Hand: Das Systemprotokoll (journalctl -t chronoscope-helper) nennt die Datei.</translation>
    </message>
    <message>
        <source>Not reverted:</source>
        <translation>Nicht zurückgesetzt:</translation>
    </message>
    <message>
        <source>Not applied:</source>
        <translation>Nicht übernommen:</translation>
    </message>
    <message>
        <source>%1&apos;s configuration directory or file does not exist</source>
        <translation>das Konfigurationsverzeichnis oder die Konfigurationsdatei von %1 existiert nicht</translation>
    </message>
    <message>
        <source>chrony.conf has no &quot;sourcedir /etc/chrony/sources.d&quot; line, so chronyd would never read the file; add that line first</source>
        <translation>chrony.conf hat keine Zeile „sourcedir /etc/chrony/sources.d“, daher würde chronyd die Datei nie lesen; fügen Sie diese Zeile zuerst hinzu</translation>
    </message>
    <message>
        <source>the file or its directory is a symbolic link or not a regular file</source>
        <translation>die Datei oder ihr Verzeichnis ist ein symbolischer Link oder keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>%1 is not running</source>
        <translation>%1 läuft nicht</translation>
    </message>
    <message>
        <source>there is no earlier configuration from Chronoscope to restore</source>
        <translation>es gibt keine frühere Konfiguration von Chronoscope zum Wiederherstellen</translation>
    </message>
    <message>
        <source>the helper did not accept the request (%1)</source>
        <extracomment>%1 a status id kept in English (&quot;malformed&quot;)</extracomment>
        <translation>das Hilfsprogramm hat die Anfrage nicht angenommen (%1)</translation>
    </message>
    <message>
        <source>Failed: the configuration cannot be written%1.</source>
        <translation>Fehlgeschlagen: Die Konfiguration kann nicht geschrieben werden%1.</translation>
    </message>
    <message>
        <source>Failed: %1 refused to reload its sources.</source>
        <translation>Fehlgeschlagen: %1 hat das Neuladen seiner Quellen abgelehnt.</translation>
    </message>
    <message>
        <source>Failed: an operating system call failed%1.</source>
        <translation>Fehlgeschlagen: Ein Aufruf des Betriebssystems ist fehlgeschlagen%1.</translation>
    </message>
    <message>
        <source>Failed: %1.</source>
        <extracomment>%1 what went wrong, in English from the helper client</extracomment>
        <translation>Fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>the helper did not answer</source>
        <translation>das Hilfsprogramm hat nicht geantwortet</translation>
    </message>
    <message>
        <source>Not authorised: an administrator has to allow this.</source>
        <translation>Nicht berechtigt: Ein Administrator muss das erlauben.</translation>
    </message>
    <message>
        <source>Cancelled: the authentication dialog was dismissed. Nothing was changed.</source>
        <translation>Abgebrochen: Der Anmeldedialog wurde geschlossen. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The helper is missing: %1.</source>
        <extracomment>%1 the detail (&quot;the helper is not installed at /usr/libexec/...&quot;)</extracomment>
        <translation>Das Hilfsprogramm fehlt: %1.</translation>
    </message>
    <message>
        <source>reinstall Chronoscope</source>
        <translation>installieren Sie Chronoscope neu</translation>
    </message>
    <message>
        <source>Restoring %1&apos;s previous configuration… (%2 s)</source>
        <extracomment>%1 the daemon, %2 elapsed seconds</extracomment>
        <translation>Die vorherige Konfiguration von %1 wird wiederhergestellt … (%2 s)</translation>
    </message>
    <message>
        <source>Waiting for authorisation, then writing the file and watching %1 for up to 20 s, rolling back if it loses its sources… (%2 s)</source>
        <translation>Warten auf die Berechtigung, dann wird die Datei geschrieben und %1 bis zu 20 s beobachtet; verliert es seine Quellen, wird die Änderung zurückgenommen … (%2 s)</translation>
    </message>
    <message>
        <source>Pools are written as single servers: %2 will use one address of %1.</source>
        <extracomment>%1 pool names, %2 the daemon</extracomment>
        <translation>Pools werden als einzelne Server geschrieben: %2 verwendet eine Adresse von %1.</translation>
    </message>
    <message>
        <source>Applied: %1 now uses Chronoscope&apos;s servers and kept running through the check.</source>
        <translation>Übernommen: %1 verwendet jetzt die Server von Chronoscope und lief während der Prüfung weiter.</translation>
    </message>
    <message>
        <source>The previous configuration is back in the file, but %1 is not running and did not read it: start %1 by hand.</source>
        <translation>Die vorherige Konfiguration steht wieder in der Datei, aber %1 läuft nicht und hat sie nicht gelesen: Starten Sie %1 von Hand.</translation>
    </message>
    <message>
        <source>The previous configuration is back in the file, but %1 refused to read it: restart %1 by hand.</source>
        <translation>Die vorherige Konfiguration steht wieder in der Datei, aber %1 hat das Lesen abgelehnt: Starten Sie %1 von Hand neu.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ChartsPanel</name>
    <message>
        <source>Offset</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>&amp;Log scale for delay</source>
        <translation>&amp;Logarithmische Skala für die Laufzeit</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
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
        <translation>Alles</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 zeigen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Freeze the charts; measuring goes on</source>
        <translation>Diagramme einfrieren; die Messung läuft weiter</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Offset &gt; 0: your clock is behind</source>
        <translation>Abweichung &gt; 0: Ihre Uhr geht nach</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Drag across a chart or press Ctrl++ to zoom; right-click, Ctrl+0 or this button to reset</source>
        <translation>Zum Zoomen über ein Diagramm ziehen oder Strg++ drücken; zum Zurücksetzen Rechtsklick, Strg+0 oder diese Schaltfläche</translation>
    </message>
    <message>
        <source>Ser&amp;vers</source>
        <translation>Ser&amp;ver</translation>
    </message>
    <message>
        <source>Show or hide servers in the charts (also: click a legend entry)</source>
        <translation>Server in den Diagrammen ein- oder ausblenden (auch: einen Legendeneintrag anklicken)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No measurements yet</source>
        <translation>Noch keine Messwerte</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::DiagnosticsPage</name>
    <message>
        <source>Find out what stands between this computer and its time servers, and whether a server you run can be abused to amplify attacks.</source>
        <translation>Finden Sie heraus, was zwischen diesem Computer und seinen Zeitservern steht, und ob ein von Ihnen betriebener Server zur Verstärkung von Angriffen missbraucht werden kann.</translation>
    </message>
    <message>
        <source>Dia&amp;gnostics</source>
        <translation>Dia&amp;gnose</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>UDP port to check</source>
        <translation>Zu prüfender UDP-Port</translation>
    </message>
    <message>
        <source>&amp;Check This Computer</source>
        <translation>Diesen Computer &amp;prüfen</translation>
    </message>
    <message>
        <source>UDP &amp;port:</source>
        <translation>UDP-&amp;Port:</translation>
    </message>
    <message>
        <source>Port and time service findings</source>
        <translation>Befunde zu Port und Zeitdiensten</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Configured servers</source>
        <translation>Eingerichtete Server</translation>
    </message>
    <message>
        <source>&amp;Test Reachability</source>
        <translation>Erreichbarkeit &amp;testen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Reachability of each server</source>
        <translation>Erreichbarkeit jedes Servers</translation>
    </message>
    <message>
        <source>Reachability conclusion</source>
        <translation>Ergebnis der Erreichbarkeitsprüfung</translation>
    </message>
    <message>
        <source>Exposure of a server you run</source>
        <translation>Angreifbarkeit eines von Ihnen betriebenen Servers</translation>
    </message>
    <message>
        <source>The probe sends exactly one small request of each kind to the address you type: one 12-byte mode 6 READVAR and one 8-byte mode 7 MON_GETLIST (monlist) request, to the first address of a name, and nothing else: no retries, no other addresses. It then reports whether the server answers and how many bytes it sends back per byte received. Probe only servers you run or may test.</source>
        <translation>Die Prüfung sendet genau eine kleine Anfrage jeder Art an die eingegebene Adresse: eine 12-Byte-Anfrage Mode 6 READVAR und eine 8-Byte-Anfrage Mode 7 MON_GETLIST (monlist), an die erste Adresse eines Namens, und sonst nichts: keine Wiederholungen, keine anderen Adressen. Danach zeigt sie, ob der Server antwortet und wie viele Bytes er je empfangenem Byte zurücksendet. Prüfen Sie nur Server, die Sie betreiben oder testen dürfen.</translation>
    </message>
    <message>
        <source>host or host:port, e.g. ntp.example.org</source>
        <translation>Host oder Host:Port, z. B. ntp.example.org</translation>
    </message>
    <message>
        <source>Server to probe</source>
        <translation>Zu prüfender Server</translation>
    </message>
    <message>
        <source>&amp;Probe</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Probe result</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>Time services:</source>
        <translation>Zeitdienste:</translation>
    </message>
    <message>
        <source>%1: running</source>
        <translation>%1: läuft</translation>
    </message>
    <message>
        <source>%1: not running</source>
        <translation>%1: läuft nicht</translation>
    </message>
    <message>
        <source>Kernel clock: not reported on this system</source>
        <translation>Kernel-Uhr: auf diesem System nicht gemeldet</translation>
    </message>
    <message>
        <source>Kernel clock: synchronised (maximum error %1)</source>
        <translation>Kernel-Uhr: synchronisiert (maximaler Fehler %1)</translation>
    </message>
    <message>
        <source>Kernel clock: not synchronised</source>
        <translation>Kernel-Uhr: nicht synchronisiert</translation>
    </message>
    <message>
        <source>Sending %2 requests to each of %1 server(s)…</source>
        <extracomment>%1: number of servers, %2: requests sent to each</extracomment>
        <translation>Sende %2 Anfragen an jeden von %1 Server(n)…</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>answers, time unusable</source>
        <translation>antwortet, Zeit unbrauchbar</translation>
    </message>
    <message>
        <source>kiss-o&apos;-death %1</source>
        <translation>Kiss-o’-Death %1</translation>
    </message>
    <message>
        <source>invalid replies only</source>
        <translation>nur ungültige Antworten</translation>
    </message>
    <message>
        <source>refused (ICMP port unreachable)</source>
        <translation>abgelehnt (ICMP Port nicht erreichbar)</translation>
    </message>
    <message>
        <source>cannot be sent to</source>
        <translation>nicht erreichbar für Anfragen</translation>
    </message>
    <message>
        <source>no reply (timed out)</source>
        <translation>keine Antwort (Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>name does not resolve</source>
        <translation>Name lässt sich nicht auflösen</translation>
    </message>
    <message>
        <source>No servers to test.</source>
        <translation>Keine Server zum Testen.</translation>
    </message>
    <message>
        <source>Every server answers: NTP gets through.</source>
        <translation>Jeder Server antwortet: NTP kommt durch.</translation>
    </message>
    <message>
        <source>Some servers do not answer; NTP itself gets through.</source>
        <translation>Einige Server antworten nicht; NTP selbst kommt durch.</translation>
    </message>
    <message>
        <source>No server answers: UDP to the NTP port appears blocked by a firewall or the network.</source>
        <translation>Kein Server antwortet: UDP zum NTP-Port scheint von einer Firewall oder dem Netzwerk blockiert zu sein.</translation>
    </message>
    <message>
        <source>No server name resolves: a DNS problem.</source>
        <translation>Kein Servername lässt sich auflösen: ein DNS-Problem.</translation>
    </message>
    <message>
        <source>Every server refuses: nothing serves NTP there.</source>
        <translation>Jeder Server lehnt ab: Dort bietet nichts NTP an.</translation>
    </message>
    <message>
        <source>No route to the servers: is this computer online?</source>
        <translation>Kein Weg zu den Servern: Ist dieser Computer online?</translation>
    </message>
    <message>
        <source>Every server sent a kiss-o&apos;-death.</source>
        <translation>Jeder Server hat ein Kiss-o’-Death gesendet.</translation>
    </message>
    <message>
        <source>No server gives a usable answer.</source>
        <translation>Kein Server gibt eine brauchbare Antwort.</translation>
    </message>
    <message>
        <source>Type the server to probe first.</source>
        <translation>Geben Sie zuerst den zu prüfenden Server ein.</translation>
    </message>
    <message>
        <source>Probing %1…</source>
        <extracomment>%1: the server as typed</extracomment>
        <translation>Prüfe %1…</translation>
    </message>
    <message>
        <source>The probe could not run.</source>
        <translation>Die Prüfung konnte nicht laufen.</translation>
    </message>
    <message>
        <source>Nothing listens on that port.</source>
        <translation>An diesem Port lauscht nichts.</translation>
    </message>
    <message>
        <source>Not an amplifier: no answer to mode 6 or mode 7.</source>
        <translation>Kein Verstärker: keine Antwort auf Mode 6 oder Mode 7.</translation>
    </message>
    <message>
        <source>Answers control queries with errors only.</source>
        <translation>Beantwortet Steuerabfragen nur mit Fehlern.</translation>
    </message>
    <message>
        <source>Exposed: answers mode 6 control queries (amplification %1×).</source>
        <extracomment>%1: bytes back per byte sent, e.g. 41.3</extracomment>
        <translation>Angreifbar: beantwortet Mode-6-Steuerabfragen (Verstärkung %1×).</translation>
    </message>
    <message>
        <source>Exposed: answers monlist (mode 7), amplification %1×.</source>
        <translation>Angreifbar: beantwortet monlist (Mode 7), Verstärkung %1×.</translation>
    </message>
    <message>
        <source>Probed %1 port %2.</source>
        <extracomment>%1 address, %2 port</extracomment>
        <translation>%1 Port %2 geprüft.</translation>
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
        <translation>%1: %2 Bytes in %3 Datagramm(en) zurück für %4 gesendete, Verstärkung %5×</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::DriftChart</name>
    <message>
        <source>The frequency of your clock is not known yet: it needs a minute or more of replies.</source>
        <translation>Die Frequenz Ihrer Uhr ist noch nicht bekannt: Dafür braucht es eine Minute oder mehr an Antworten.</translation>
    </message>
    <message>
        <source>Drift chart</source>
        <translation>Driftdiagramm</translation>
    </message>
    <message>
        <source>± uncertainty</source>
        <translation>± Unsicherheit</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequenz</translation>
    </message>
    <message>
        <source>Frequency (ppm, + gains)</source>
        <extracomment>Axis title; ppm = parts per million, positive = the clock gains</extracomment>
        <translation>Frequenz (ppm, + geht vor)</translation>
    </message>
    <message>
        <source>Your clock runs fast by %1 ppm (± %2 ppm): it gains about %3 per day.</source>
        <extracomment>%1 frequency in ppm, %2 its uncertainty in ppm, %3 seconds per day</extracomment>
        <translation>Ihre Uhr läuft %1 ppm zu schnell (± %2 ppm): Sie gewinnt etwa %3 pro Tag.</translation>
    </message>
    <message>
        <source>Your clock runs slow by %1 ppm (± %2 ppm): it loses about %3 per day.</source>
        <translation>Ihre Uhr läuft %1 ppm zu langsam (± %2 ppm): Sie verliert etwa %3 pro Tag.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::EventLogModel</name>
    <message>
        <source>detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>request sent</source>
        <translation>Anfrage gesendet</translation>
    </message>
    <message>
        <source>reply accepted</source>
        <translation>Antwort angenommen</translation>
    </message>
    <message>
        <source>reply rejected</source>
        <translation>Antwort verworfen</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>kiss-o&apos;-death</source>
        <translation>Kiss-o’-Death</translation>
    </message>
    <message>
        <source>state change</source>
        <translation>Zustandswechsel</translation>
    </message>
    <message>
        <source>selection change</source>
        <translation>Auswahlwechsel</translation>
    </message>
    <message>
        <source>clock step requested</source>
        <translation>Uhrkorrektur angefordert</translation>
    </message>
    <message>
        <source>configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>(system)</source>
        <translation>(System)</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::EventLogPane</name>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>All servers</source>
        <translation>Alle Server</translation>
    </message>
    <message>
        <source>Show events of</source>
        <translation>Ereignisse anzeigen von</translation>
    </message>
    <message>
        <source>All levels, with details</source>
        <translation>Alle Stufen, mit Details</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Minimum level</source>
        <translation>Mindeststufe</translation>
    </message>
    <message>
        <source>Find in messages</source>
        <translation>In Meldungen suchen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected entries, or every shown entry when none is selected</source>
        <translation>Die ausgewählten Einträge kopieren, oder alle angezeigten, wenn keiner ausgewählt ist</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Le&amp;vel:</source>
        <translation>St&amp;ufe:</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::EventRecorder</name>
    <message>
        <source>server added (%1)</source>
        <translation>Server hinzugefügt (%1)</translation>
    </message>
    <message>
        <source>server added, address %1</source>
        <translation>Server hinzugefügt, Adresse %1</translation>
    </message>
    <message>
        <source>request sent (#%1, poll %2)</source>
        <translation>Anfrage gesendet (Nr. %1, Intervall %2)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>%1 old state, %2 new state, e.g. &quot;candidate → falseticker&quot;</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>reply accepted: offset %1, delay %2</source>
        <translation>Antwort angenommen: Abweichung %1, Laufzeit %2</translation>
    </message>
    <message>
        <source>no reply: %1</source>
        <translation>keine Antwort: %1</translation>
    </message>
    <message>
        <source>kiss-o&apos;-death received%1</source>
        <translation>Kiss-o’-Death erhalten%1</translation>
    </message>
    <message>
        <source>no system peer any more</source>
        <translation>keine Systemquelle mehr</translation>
    </message>
    <message>
        <source>system peer is now %1</source>
        <translation>Systemquelle ist jetzt %1</translation>
    </message>
    <message>
        <source>synchronised: offset %1, %2 survivor(s)</source>
        <translation>synchronisiert: Abweichung %1, %2 verbleibende Server</translation>
    </message>
    <message>
        <source>lost synchronisation: %1</source>
        <translation>Synchronisation verloren: %1</translation>
    </message>
    <message>
        <source>server removed</source>
        <translation>Server entfernt</translation>
    </message>
    <message>
        <source>clock correction of %1 requested%2</source>
        <translation>Uhrkorrektur um %1 angefordert%2</translation>
    </message>
    <message>
        <source>request failed: %1%2</source>
        <translation>Anfrage fehlgeschlagen: %1%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>reply rejected: %1</source>
        <translation>Antwort verworfen: %1</translation>
    </message>
    <message>
        <source>%1 replies rejected in the last %2: %3</source>
        <extracomment>%1 count, %2 duration (&quot;64 s&quot;), %3 list of reasons with counts</extracomment>
        <translation>%1 Antworten in den letzten %2 verworfen: %3</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::FilterStageModel</name>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Dispersion</source>
        <translation>Dispersion</translation>
    </message>
    <message>
        <source>%1 (chosen)</source>
        <translation>%1 (gewählt)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>The filter uses the sample with the lowest delay of the last eight</source>
        <translation>Der Filter verwendet die Messung mit der geringsten Laufzeit unter den letzten acht</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::HeadlineBanner</name>
    <message>
        <source>Clock status</source>
        <translation>Uhrstatus</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::KeyEditDialog</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Add Key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Text (ASCII)</source>
        <translation>Text (ASCII)</translation>
    </message>
    <message>
        <source>e.g. 7EA62AE64D190114D46D5A082F948EC1</source>
        <translation>z. B. 7EA62AE64D190114D46D5A082F948EC1</translation>
    </message>
    <message>
        <source>ntp.example.org, 192.0.2.1:123</source>
        <translation>ntp.example.org, 192.0.2.1:123</translation>
    </message>
    <message>
        <source>&amp;ID:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>Se&amp;rvers:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>Key ID %1 is already in use.</source>
        <translation>Schlüsselnummer %1 ist bereits vergeben.</translation>
    </message>
    <message>
        <source>Enter the secret.</source>
        <translation>Geben Sie das Geheimnis ein.</translation>
    </message>
    <message>
        <source>The secret is not an even number of hex digits.</source>
        <translation>Das Geheimnis besteht nicht aus einer geraden Anzahl von Hex-Ziffern.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::KeyManagerDialog</name>
    <message>
        <source>Authentication Keys</source>
        <translation>Authentifizierungsschlüssel</translation>
    </message>
    <message>
        <source>Saved the label and servers of key %1.</source>
        <translation>Bezeichnung und Server von Schlüssel %1 gespeichert.</translation>
    </message>
    <message>
        <source>No keys yet. Generate one, add one you were given, or import a key file.</source>
        <translation>Noch keine Schlüssel. Erzeugen Sie einen, fügen Sie einen erhaltenen hinzu oder importieren Sie eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Keys in %1: %2</source>
        <translation>Schlüssel in %1: %2</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>AES128 (CMAC) is what RFC 8573 recommends; MD5 and SHA1 suit older servers.</source>
        <translation>AES128 (CMAC) wird von RFC 8573 empfohlen; MD5 und SHA1 eignen sich für ältere Server.</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Copy Config Line</source>
        <translation>Konfigurationszeile &amp;kopieren</translation>
    </message>
    <message>
        <source>chrony.keys line (includes the secret)</source>
        <translation>chrony.keys-Zeile (enthält das Geheimnis)</translation>
    </message>
    <message>
        <source>ntp.keys line (includes the secret)</source>
        <translation>ntp.keys-Zeile (enthält das Geheimnis)</translation>
    </message>
    <message>
        <source>chrony.conf server line</source>
        <translation>server-Zeile für chrony.conf</translation>
    </message>
    <message>
        <source>ntp.conf server and trustedkey lines</source>
        <translation>server- und trustedkey-Zeilen für ntp.conf</translation>
    </message>
    <message>
        <source>&amp;Show secrets</source>
        <translation>&amp;Geheimnisse anzeigen</translation>
    </message>
    <message>
        <source>Keep secrets in the system &amp;keyring</source>
        <translation>Geheimnisse im &amp;Schlüsselbund des Systems aufbewahren</translation>
    </message>
    <message>
        <source>Without a keyring the secrets stay in %1 (readable only by you).</source>
        <translation>Ohne Schlüsselbund bleiben die Geheimnisse in %1 (nur für Sie lesbar).</translation>
    </message>
    <message>
        <source>This build has no keyring support; the secrets stay in %1 (readable only by you).</source>
        <translation>Diese Version unterstützt keinen Schlüsselbund; die Geheimnisse bleiben in %1 (nur für Sie lesbar).</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Could not save the keys: %1</source>
        <translation>Die Schlüssel konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Every key ID is in use.</source>
        <translation>Alle Schlüsselnummern sind vergeben.</translation>
    </message>
    <message>
        <source>Generated key %1 (%2, %3 random bytes).</source>
        <extracomment>%1 key id, %2 type (AES128, ...), %3 key length in bytes</extracomment>
        <translation>Schlüssel %1 erzeugt (%2, %3 Zufallsbytes).</translation>
    </message>
    <message>
        <source>SHA256 works with chrony and ntpsec only as a 20-byte MAC, which Chronoscope sends.</source>
        <translation>SHA256 funktioniert mit chrony und ntpsec nur als 20-Byte-MAC, wie Chronoscope ihn sendet.</translation>
    </message>
    <message>
        <source>Give it to the server with Export or Copy Config Line.</source>
        <translation>Übergeben Sie ihn dem Server mit „Exportieren“ oder „Konfigurationszeile kopieren“.</translation>
    </message>
    <message>
        <source>Added key %1.</source>
        <translation>Schlüssel %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>There is no key %1.</source>
        <translation>Es gibt keinen Schlüssel %1.</translation>
    </message>
    <message>
        <source>Deleted key %1.</source>
        <translation>Schlüssel %1 gelöscht.</translation>
    </message>
    <message>
        <source>Nothing was imported; %1 has invalid lines:
%2</source>
        <translation>Nichts wurde importiert; %1 enthält ungültige Zeilen:
%2</translation>
    </message>
    <message>
        <source>Import Keys</source>
        <translation>Schlüssel importieren</translation>
    </message>
    <message>
        <source>%1 has invalid lines:</source>
        <translation>%1 enthält ungültige Zeilen:</translation>
    </message>
    <message>
        <source>Import the valid keys (%1) anyway?</source>
        <translation>Die gültigen Schlüssel (%1) trotzdem importieren?</translation>
    </message>
    <message>
        <source>Nothing was imported from %1.</source>
        <translation>Aus %1 wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Imported from %1 (%2 format): %3 new, %4 already there.</source>
        <translation>Aus %1 importiert (%2-Format): %3 neu, %4 bereits vorhanden.</translation>
    </message>
    <message>
        <source>Invalid lines skipped: %1.</source>
        <translation>Übersprungene ungültige Zeilen: %1.</translation>
    </message>
    <message>
        <source>Note: %1 is readable by other users (mode %2).</source>
        <translation>Hinweis: %1 ist für andere Benutzer lesbar (Modus %2).</translation>
    </message>
    <message>
        <source>There are no keys to export.</source>
        <translation>Es gibt keine Schlüssel zum Exportieren.</translation>
    </message>
    <message>
        <source>Exported to %1 (%2 format, readable only by you); keys: %3.</source>
        <extracomment>%1 file, %2 &quot;chrony&quot; or &quot;ntp&quot;, %3 number of keys</extracomment>
        <translation>Nach %1 exportiert (%2-Format, nur für Sie lesbar); Schlüssel: %3.</translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation>Wählen Sie zuerst einen Schlüssel aus.</translation>
    </message>
    <message>
        <source>Copied the key line of key %1 to the clipboard. It contains the secret: paste it only into the server&apos;s key file.</source>
        <translation>Die Schlüsselzeile von Schlüssel %1 wurde in die Zwischenablage kopiert. Sie enthält das Geheimnis: Fügen Sie sie nur in die Schlüsseldatei des Servers ein.</translation>
    </message>
    <message>
        <source>Copied the server line for key %1 to the clipboard.</source>
        <translation>Die server-Zeile für Schlüssel %1 wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>The secrets are now kept in the system keyring.</source>
        <translation>Die Geheimnisse werden jetzt im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>The secrets are now kept in %1 (readable only by you).</source>
        <translation>Die Geheimnisse werden jetzt in %1 aufbewahrt (nur für Sie lesbar).</translation>
    </message>
    <message>
        <source>Import Key File</source>
        <translation>Schlüsseldatei importieren</translation>
    </message>
    <message>
        <source>Key files (*.keys *.key keys);;All files (*)</source>
        <translation>Schlüsseldateien (*.keys *.key keys);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>chrony key file (*.keys)</source>
        <translation>chrony-Schlüsseldatei (*.keys)</translation>
    </message>
    <message>
        <source>ntpd/ntpsec key file (*.keys)</source>
        <translation>ntpd/ntpsec-Schlüsseldatei (*.keys)</translation>
    </message>
    <message>
        <source>Export Key %1</source>
        <translation>Schlüssel %1 exportieren</translation>
    </message>
    <message>
        <source>Export All Keys</source>
        <translation>Alle Schlüssel exportieren</translation>
    </message>
    <message>
        <source>Delete Key</source>
        <translation>Schlüssel löschen</translation>
    </message>
    <message>
        <source>Delete key %1? Servers that use it can no longer be authenticated.</source>
        <translation>Schlüssel %1 löschen? Server, die ihn verwenden, können dann nicht mehr authentifiziert werden.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::KeyTableModel</name>
    <message>
        <source>SHA256 works with chrony and ntpsec only as a 20-byte MAC in NTPv4, which is what Chronoscope sends.</source>
        <translation>SHA256 funktioniert mit chrony und ntpsec nur als 20-Byte-MAC in NTPv4, wie Chronoscope ihn sendet.</translation>
    </message>
    <message>
        <source>%1 bytes, shown as hex</source>
        <translation>%1 Bytes, hexadezimal angezeigt</translation>
    </message>
    <message>
        <source>Hidden. Tick &quot;Show secrets&quot; to reveal it.</source>
        <translation>Verborgen. Kreuzen Sie „Geheimnisse anzeigen“ an, um es einzublenden.</translation>
    </message>
    <message>
        <source>Servers that use this key, separated by commas (host or host:port)</source>
        <translation>Server, die diesen Schlüssel verwenden, durch Kommas getrennt (Host oder Host:Port)</translation>
    </message>
    <message>
        <source>hidden secret</source>
        <translation>verborgenes Geheimnis</translation>
    </message>
    <message>
        <source>(%1 bytes)</source>
        <extracomment>A masked secret followed by its length, e.g. &quot;•••••••••••• (16 bytes)&quot;</extracomment>
        <translation>(%1 Bytes)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::MainWindow</name>
    <message>
        <source>Metrics for Prometheus are not served: %1</source>
        <translation>Metriken für Prometheus werden nicht bereitgestellt: %1</translation>
    </message>
    <message>
        <source>Metrics for Prometheus: %1</source>
        <translation>Metriken für Prometheus: %1</translation>
    </message>
    <message>
        <source>Chronoscope</source>
        <translation>Chronoscope</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <source>&amp;Selection</source>
        <translation>&amp;Auswahl</translation>
    </message>
    <message>
        <source>&amp;Drift</source>
        <translation>D&amp;rift</translation>
    </message>
    <message>
        <source>De&amp;tails</source>
        <translation>De&amp;tails</translation>
    </message>
    <message>
        <source>Event &amp;log</source>
        <translation>Ereignis&amp;protokoll</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Start…</translation>
    </message>
    <message>
        <source>The event log file was closed after an error: %1</source>
        <translation>Die Protokolldatei wurde nach einem Fehler geschlossen: %1</translation>
    </message>
    <message>
        <source>No backup could be made.</source>
        <translation>Es konnte keine Sicherungskopie angelegt werden.</translation>
    </message>
    <message>
        <source>A copy was saved as %1.</source>
        <translation>Eine Kopie wurde als %1 gespeichert.</translation>
    </message>
    <message>
        <source>The settings file was damaged and has been repaired; entries that could not be read were dropped. %1
%2</source>
        <translation>Die Einstellungsdatei war beschädigt und wurde repariert; unlesbare Einträge wurden verworfen. %1
%2</translation>
    </message>
    <message>
        <source>settings file damaged: %1</source>
        <translation>Einstellungsdatei beschädigt: %1</translation>
    </message>
    <message>
        <source>Servers from the command line: the saved list is unchanged</source>
        <translation>Server von der Befehlszeile: Die gespeicherte Liste bleibt unverändert</translation>
    </message>
    <message>
        <source>The event log file cannot be written: %1</source>
        <translation>Die Protokolldatei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>No time servers configured: add one with Servers → Add Server</source>
        <translation>Keine Zeitserver eingerichtet: Fügen Sie einen über Server → Server hinzufügen hinzu</translation>
    </message>
    <message>
        <source>Updated %1 (%2 ago) · %3 of %4 server(s) answer</source>
        <extracomment>%1 time of day, %2 age (&quot;5 s&quot;), %3 reachable servers, %4 all servers</extracomment>
        <translation>Aktualisiert %1 (vor %2) · %3 von %4 Server(n) antworten</translation>
    </message>
    <message numerus="yes">
        <source> · system peer %1 · %n survivor(s)</source>
        <translation>
            <numerusform> · Systemquelle %1 · %n verbleibender Server</numerusform>
            <numerusform> · Systemquelle %1 · %n verbleibende Server</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the first replies…</source>
        <translation>Warten auf die ersten Antworten…</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) monitored</source>
        <translation>
            <numerusform>%n Server überwacht</numerusform>
            <numerusform>%n Server überwacht</numerusform>
        </translation>
    </message>
    <message>
        <source>Chronoscope keeps monitoring</source>
        <translation>Chronoscope überwacht weiter</translation>
    </message>
    <message>
        <source>It is still running in the tray. Quit from the tray menu or with Ctrl+Q.</source>
        <translation>Es läuft im Systemabschnitt der Kontrollleiste weiter. Beenden über dessen Menü oder mit Strg+Q.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Import Server List…</source>
        <translation>Serverliste &amp;importieren…</translation>
    </message>
    <message>
        <source>Read server and pool lines from a chrony.conf or ntp.conf</source>
        <translation>server- und pool-Zeilen aus einer chrony.conf oder ntp.conf lesen</translation>
    </message>
    <message>
        <source>&amp;Export Server List…</source>
        <translation>Serverliste &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Measurements…</source>
        <translation>&amp;Messwerte exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Chart as PNG…</source>
        <translation>&amp;Diagramm als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export Event &amp;Log…</source>
        <translation>Ereignis&amp;protokoll exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation>Server &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit Server…</source>
        <translation>Server &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove Server</source>
        <translation>Server &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Event &amp;Log</source>
        <translation>Ereignis&amp;protokoll</translation>
    </message>
    <message>
        <source>Chart &amp;Range</source>
        <translation>Diagramm-&amp;Zeitraum</translation>
    </message>
    <message>
        <source>Last &amp;5 minutes</source>
        <translation>Letzte &amp;5 Minuten</translation>
    </message>
    <message>
        <source>Last &amp;hour</source>
        <translation>Letzte &amp;Stunde</translation>
    </message>
    <message>
        <source>Last &amp;24 hours</source>
        <translation>Letzte &amp;24 Stunden</translation>
    </message>
    <message>
        <source>&amp;Everything</source>
        <translation>&amp;Alles</translation>
    </message>
    <message>
        <source>&amp;Pause Charts</source>
        <translation>Diagramme &amp;anhalten</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Logarithmic Delay Axis</source>
        <translation>&amp;Logarithmische Laufzeitachse</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Chronoscope</source>
        <translation>&amp;Über Chronoscope</translation>
    </message>
    <message>
        <source>About Chronoscope</source>
        <translation>Über Chronoscope</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chronoscope %1&lt;/b&gt;&lt;p&gt;How far your clock is off, and why each time server is trusted or not.&lt;/p&gt;&lt;p&gt;Offsets are server time minus local time: positive means your clock is behind.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Chronoscope %1&lt;/b&gt;&lt;p&gt;Wie weit Ihre Uhr abweicht, und warum jedem Zeitserver vertraut wird oder nicht.&lt;/p&gt;&lt;p&gt;Abweichungen sind Serverzeit minus lokale Zeit: positiv heißt, Ihre Uhr geht nach.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>Remove the pool %1 and all of its addresses?</source>
        <translation>Den Pool %1 mit allen seinen Adressen entfernen?</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message>
        <source>Remove Server</source>
        <translation>Server entfernen</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>%1 is already in the list</source>
        <translation>%1 steht bereits in der Liste</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n server(s) from %1.</source>
        <extracomment>%1 number of servers, %2 file name</extracomment>
        <translation>
            <numerusform>%n Server aus %1 importiert.</numerusform>
            <numerusform>%n Server aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were not imported as written:</source>
        <translation>
            <numerusform>%n Zeile wurde nicht wie geschrieben übernommen:</numerusform>
            <numerusform>%n Zeilen wurden nicht wie geschrieben übernommen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the event log)</source>
        <translation>
            <numerusform>… und %n weitere (siehe Ereignisprotokoll)</numerusform>
            <numerusform>… und %n weitere (siehe Ereignisprotokoll)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>imported %n server(s) from %1</source>
        <translation>
            <numerusform>%n Server aus %1 importiert</numerusform>
            <numerusform>%n Server aus %1 importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Server list written to %1.</source>
        <translation>Serverliste nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Server list written to %1, with notes:
%2</source>
        <translation>Serverliste nach %1 geschrieben, mit Hinweisen:
%2</translation>
    </message>
    <message>
        <source>Import Server List</source>
        <translation>Serverliste importieren</translation>
    </message>
    <message>
        <source>chrony configuration (chrony.conf *.conf *.sources);;ntpd / ntpsec configuration (ntp.conf ntpsec.conf *.conf);;All files (*)</source>
        <translation>chrony-Konfiguration (chrony.conf *.conf *.sources);;ntpd / ntpsec-Konfiguration (ntp.conf ntpsec.conf *.conf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add the servers of %1 to your list, or replace your list with them?</source>
        <translation>Die Server aus %1 zu Ihrer Liste hinzufügen oder Ihre Liste durch sie ersetzen?</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Export Server List</source>
        <translation>Serverliste exportieren</translation>
    </message>
    <message>
        <source>chrony configuration (*.conf *.sources);;ntpd / ntpsec configuration (ntp.conf *.conf)</source>
        <translation>chrony-Konfiguration (*.conf *.sources);;ntpd / ntpsec-Konfiguration (ntp.conf *.conf)</translation>
    </message>
    <message>
        <source>Export Measurements</source>
        <translation>Messwerte exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Measurements written to %1.</source>
        <translation>Messwerte nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Chart saved as %1.</source>
        <translation>Diagramm als %1 gespeichert.</translation>
    </message>
    <message>
        <source>Export Event Log</source>
        <translation>Ereignisprotokoll exportieren</translation>
    </message>
    <message>
        <source>Text files (*.log *.txt);;All files (*)</source>
        <translation>Textdateien (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Event log written to %1.</source>
        <translation>Ereignisprotokoll nach %1 geschrieben.</translation>
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
        <translation>%1: %2 um %3</translation>
    </message>
    <message>
        <source>Click a server to hide or show it in every chart</source>
        <translation>Einen Server anklicken, um ihn in allen Diagrammen aus- oder einzublenden</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Hinweis schließen</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::NtsTrustDialog</name>
    <message>
        <source>NTS Certificate Authorities</source>
        <translation>NTS-Zertifizierungsstellen</translation>
    </message>
    <message>
        <source>NTS servers must show a certificate from a trusted authority. The system&apos;s certificate store is always trusted; add your own CA here (a PEM file, or a directory of .pem/.crt files) to use NTS servers it certified.</source>
        <translation>NTS-Server müssen ein Zertifikat einer vertrauenswürdigen Zertifizierungsstelle vorweisen. Dem Zertifikatsspeicher des Systems wird immer vertraut; fügen Sie hier Ihre eigene CA hinzu (eine PEM-Datei oder ein Verzeichnis mit .pem/.crt-Dateien), um NTS-Server zu verwenden, die von ihr zertifiziert wurden.</translation>
    </message>
    <message>
        <source>Trusted certificate authorities</source>
        <translation>Vertrauenswürdige Zertifizierungsstellen</translation>
    </message>
    <message>
        <source>Add &amp;File…</source>
        <translation>&amp;Datei hinzufügen…</translation>
    </message>
    <message>
        <source>Add &amp;Directory…</source>
        <translation>&amp;Verzeichnis hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Directory of CA Certificates</source>
        <translation>Verzeichnis mit CA-Zertifikaten</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already in the list</source>
        <translation>„%1“ steht bereits in der Liste</translation>
    </message>
    <message>
        <source>at most %1 entries</source>
        <translation>höchstens %1 Einträge</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SelectionView</name>
    <message>
        <source>Selection picture</source>
        <translation>Auswahlbild</translation>
    </message>
    <message>
        <source>Correctness intervals of the servers and the intersection the selection found</source>
        <translation>Korrektheitsintervalle der Server und die von der Auswahl gefundene Schnittmenge</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>truechimer</source>
        <translation>richtig gehend</translation>
    </message>
    <message>
        <source>outlier / jittery</source>
        <translation>Ausreißer / unruhig</translation>
    </message>
    <message>
        <source>falseticker</source>
        <translation>Falschläufer</translation>
    </message>
    <message>
        <source>intersection (the majority agrees)</source>
        <translation>Schnittmenge (die Mehrheit stimmt überein)</translation>
    </message>
    <message>
        <source>No server has a correctness interval yet: waiting for replies.</source>
        <translation>Noch kein Server hat ein Korrektheitsintervall: Warten auf Antworten.</translation>
    </message>
    <message>
        <source>intersection %1 … %2</source>
        <translation>Schnittmenge %1 … %2</translation>
    </message>
    <message>
        <source>offset (symmetric log scale; positive: your clock is behind)</source>
        <translation>Abweichung (symmetrisch logarithmisch; positiv: Ihre Uhr geht nach)</translation>
    </message>
    <message>
        <source>offset (positive: your clock is behind)</source>
        <translation>Abweichung (positiv: Ihre Uhr geht nach)</translation>
    </message>
    <message>
        <source>no interval (%1)</source>
        <translation>kein Intervall (%1)</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ServerDetailPane</name>
    <message>
        <source>Clock filter samples</source>
        <translation>Messungen des Uhrfilters</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Clock filter: the last 8 samples</source>
        <translation>Uhrfilter: die letzten 8 Messungen</translation>
    </message>
    <message>
        <source>Last exchange (T1–T4)</source>
        <translation>Letzter Austausch (T1–T4)</translation>
    </message>
    <message>
        <source>Tests on the last reply</source>
        <translation>Prüfungen der letzten Antwort</translation>
    </message>
    <message>
        <source>Rejected replies and kiss-o&apos;-death</source>
        <translation>Verworfene Antworten und Kiss-o’-Death</translation>
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
        <translation>Referenzkennung</translation>
    </message>
    <message>
        <source>no leap second pending</source>
        <translation>keine Schaltsekunde angekündigt</translation>
    </message>
    <message>
        <source>leap second to be inserted</source>
        <translation>Schaltsekunde wird eingefügt</translation>
    </message>
    <message>
        <source>leap second to be deleted</source>
        <translation>Schaltsekunde wird entfernt</translation>
    </message>
    <message>
        <source>server unsynchronised</source>
        <translation>Server nicht synchronisiert</translation>
    </message>
    <message>
        <source>Leap indicator</source>
        <translation>Schaltsekundenanzeige</translation>
    </message>
    <message>
        <source>Root delay</source>
        <translation>Wurzellaufzeit</translation>
    </message>
    <message>
        <source>Root dispersion</source>
        <translation>Wurzeldispersion</translation>
    </message>
    <message>
        <source>Root distance λ</source>
        <translation>Wurzeldistanz λ</translation>
    </message>
    <message>
        <source>Offset ± jitter</source>
        <translation>Abweichung ± Jitter</translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation>Abfrageintervall</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>%1 sent, %2 accepted, %3 without reply</source>
        <translation>%1 gesendet, %2 angenommen, %3 ohne Antwort</translation>
    </message>
    <message>
        <source>Receive timestamps</source>
        <translation>Empfangszeitstempel</translation>
    </message>
    <message>
        <source>kernel (SO_TIMESTAMPNS)</source>
        <translation>Kernel (SO_TIMESTAMPNS)</translation>
    </message>
    <message>
        <source>user space</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequenz</translation>
    </message>
    <message>
        <source>%1 ppm ± %2 ppm</source>
        <translation>%1 ppm ± %2 ppm</translation>
    </message>
    <message>
        <source>No reply yet.</source>
        <translation>Noch keine Antwort.</translation>
    </message>
    <message>
        <source>No reply to the last request (%1): no tests were run.</source>
        <translation>Keine Antwort auf die letzte Anfrage (%1): Es wurde nichts geprüft.</translation>
    </message>
    <message>
        <source>Reply comes from the server&apos;s address and port</source>
        <translation>Antwort kommt von Adresse und Port des Servers</translation>
    </message>
    <message>
        <source>Well-formed NTP server reply</source>
        <translation>Wohlgeformte NTP-Serverantwort</translation>
    </message>
    <message>
        <source>Answers a request we sent</source>
        <translation>Beantwortet eine gesendete Anfrage</translation>
    </message>
    <message>
        <source>Test 2: origin timestamp is our request&apos;s</source>
        <translation>Test 2: Ursprungszeitstempel ist der unserer Anfrage</translation>
    </message>
    <message>
        <source>Test 1: not a duplicate</source>
        <translation>Test 1: kein Duplikat</translation>
    </message>
    <message>
        <source>Test 3: no zero timestamps</source>
        <translation>Test 3: keine Null-Zeitstempel</translation>
    </message>
    <message>
        <source>No kiss-o&apos;-death</source>
        <translation>Kein Kiss-o’-Death</translation>
    </message>
    <message>
        <source>Test 6: synchronised, stratum 1–15</source>
        <translation>Test 6: synchronisiert, Stratum 1–15</translation>
    </message>
    <message>
        <source>Test 7: root distance below 16 s</source>
        <translation>Test 7: Wurzeldistanz unter 16 s</translation>
    </message>
    <message>
        <source>Server timestamps consistent</source>
        <translation>Zeitstempel des Servers stimmig</translation>
    </message>
    <message>
        <source>Round-trip delay within the limit</source>
        <translation>Umlaufzeit innerhalb der Grenze</translation>
    </message>
    <message>
        <source>Reply at %1 accepted.</source>
        <translation>Antwort um %1 angenommen.</translation>
    </message>
    <message>
        <source>Reply at %1 rejected: %2</source>
        <translation>Antwort um %1 verworfen: %2</translation>
    </message>
    <message>
        <source>Select a server in the table to see its details.</source>
        <translation>Wählen Sie einen Server in der Tabelle, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>T1 request sent (local)</source>
        <translation>T1 Anfrage gesendet (lokal)</translation>
    </message>
    <message>
        <source>T2 request received (server)</source>
        <translation>T2 Anfrage empfangen (Server)</translation>
    </message>
    <message>
        <source>T3 reply sent (server)</source>
        <translation>T3 Antwort gesendet (Server)</translation>
    </message>
    <message>
        <source>T4 reply received (local)</source>
        <translation>T4 Antwort empfangen (lokal)</translation>
    </message>
    <message>
        <source>Offset ((T2−T1)+(T3−T4))/2</source>
        <translation>Abweichung ((T2−T1)+(T3−T4))/2</translation>
    </message>
    <message>
        <source>Delay (T4−T1)−(T3−T2)</source>
        <translation>Laufzeit (T4−T1)−(T3−T2)</translation>
    </message>
    <message>
        <source>No reply accepted yet.</source>
        <translation>Noch keine Antwort angenommen.</translation>
    </message>
    <message>
        <source>No reply was rejected.</source>
        <translation>Keine Antwort wurde verworfen.</translation>
    </message>
    <message>
        <source>Last kiss-o&apos;-death code: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Letzter Kiss-o’-Death-Code: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No kiss-o&apos;-death received.</source>
        <translation>Kein Kiss-o’-Death erhalten.</translation>
    </message>
    <message>
        <source>Network Time Security: who vouches for this time</source>
        <translation>Network Time Security: Wer verbürgt sich für diese Zeit</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 Port %2</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ServerDialog</name>
    <message>
        <source>Add Server</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <source>Edit Server</source>
        <translation>Server bearbeiten</translation>
    </message>
    <message>
        <source>log2 of the shortest interval between requests: 6 = 64 s. Public servers are never polled faster than 64 s.</source>
        <translation>log2 des kürzesten Abstands zwischen Anfragen: 6 = 64 s. Öffentliche Server werden nie öfter als alle 64 s abgefragt.</translation>
    </message>
    <message>
        <source>log2 of the longest interval between requests: 10 = 1024 s</source>
        <translation>log2 des längsten Abstands zwischen Anfragen: 10 = 1024 s</translation>
    </message>
    <message>
        <source>Symmetric key number from your key file; none = no authentication</source>
        <translation>Nummer des symmetrischen Schlüssels aus Ihrer Schlüsseldatei; keine = ohne Authentifizierung</translation>
    </message>
    <message>
        <source>%1: answers, offset %2, delay %3, stratum %4</source>
        <translation>%1: antwortet, Abweichung %2, Laufzeit %3, Stratum %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No result.</source>
        <translation>Kein Ergebnis.</translation>
    </message>
    <message>
        <source> (%1)</source>
        <extracomment>Poll spin box suffix, e.g. &quot; (64 s)&quot;</extracomment>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Enter a host name or an address.</source>
        <translation>Geben Sie einen Hostnamen oder eine Adresse ein.</translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 steht bereits in der Liste.</translation>
    </message>
    <message>
        <source>Testing %1 (%2 requests)…</source>
        <translation>%1 wird getestet (%2 Anfragen)…</translation>
    </message>
    <message>
        <source>Network Time Security (RFC 8915): keys from a TLS key exchange with the server, every reply authenticated; never falls back to unauthenticated NTP</source>
        <translation>Network Time Security (RFC 8915): Schlüssel aus einem TLS-Schlüsselaustausch mit dem Server, jede Antwort authentifiziert; fällt nie auf nicht authentifiziertes NTP zurück</translation>
    </message>
    <message>
        <source>TCP port of the server&apos;s NTS key exchange (NTS-KE); 4460 unless its operator says otherwise</source>
        <translation>TCP-Port des NTS-Schlüsselaustauschs des Servers (NTS-KE); 4460, sofern der Betreiber nichts anderes angibt</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ServerTableModel</name>
    <message>
        <source>Answers to the last 8 requests, oldest on the left</source>
        <translation>Antworten auf die letzten 8 Anfragen, die älteste links</translation>
    </message>
    <message>
        <source>Current interval between requests</source>
        <translation>Aktueller Abstand zwischen Anfragen</translation>
    </message>
    <message>
        <source>Server time minus local time: positive means your clock is behind</source>
        <translation>Serverzeit minus lokale Zeit: positiv heißt, Ihre Uhr geht nach</translation>
    </message>
    <message>
        <source>Round-trip delay of the chosen sample</source>
        <translation>Umlaufzeit der gewählten Messung</translation>
    </message>
    <message>
        <source>Spread of the recent samples around the chosen one</source>
        <translation>Streuung der letzten Messungen um die gewählte</translation>
    </message>
    <message>
        <source>How replies are authenticated</source>
        <translation>Wie Antworten authentifiziert werden</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Stratum</source>
        <translation>Stratum</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <source>Poll</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>Auth.</translation>
    </message>
    <message>
        <source>%1 of the last 8 requests answered</source>
        <translation>%1 der letzten 8 Anfragen beantwortet</translation>
    </message>
    <message>
        <source>Reach register %1 (octal): %2 of the last 8 requests answered, newest on the right</source>
        <translation>Erreichbarkeitsregister %1 (oktal): %2 der letzten 8 Anfragen beantwortet, die neueste rechts</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (aus %2)</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>Authentication column: no key or NTS in use</extracomment>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) authenticated with key %1</source>
        <translation>
            <numerusform>%n Antwort mit Schlüssel %1 authentifiziert</numerusform>
            <numerusform>%n Antworten mit Schlüssel %1 authentifiziert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · key %2</source>
        <extracomment>Authentication column: MAC algorithm and key number, e.g. &quot;sha1 · key 7&quot;</extracomment>
        <translation>%1 · Schlüssel %2</translation>
    </message>
    <message>
        <source>key %1 not loaded</source>
        <translation>Schlüssel %1 nicht geladen</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SettingsDialog</name>
    <message>
        <source>Serve &amp;metrics for Prometheus</source>
        <translation>&amp;Metriken für Prometheus bereitstellen</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>While Chronoscope runs, Prometheus can scrape http://ADDRESS/metrics</source>
        <translation>Solange Chronoscope läuft, kann Prometheus http://ADRESSE/metrics abfragen</translation>
    </message>
    <message>
        <source>Metrics address and port</source>
        <translation>Adresse und Port der Metriken</translation>
    </message>
    <message>
        <source>127.0.0.1:9123 or [::1]:9123</source>
        <extracomment>Metrics address examples; 127.0.0.1 keeps the metrics on this computer</extracomment>
        <translation>127.0.0.1:9123 oder [::1]:9123</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <extracomment>Where the metrics endpoint listens; other addresses than 127.0.0.1 reach the network</extracomment>
        <translation>Lauschen &amp;auf:</translation>
    </message>
    <message>
        <source>Metrics address: %1</source>
        <translation>Metrik-Adresse: %1</translation>
    </message>
    <message>
        <source>&amp;Keep monitoring in the tray when the window is closed</source>
        <translation>Nach dem Schließen des Fensters im Systemabschnitt &amp;weiter überwachen</translation>
    </message>
    <message>
        <source>Notify when the &amp;offset exceeds</source>
        <translation>Benachrichtigen, wenn die &amp;Abweichung überschreitet</translation>
    </message>
    <message>
        <source>Notify when &amp;no server answers</source>
        <translation>Benachrichtigen, wenn &amp;kein Server antwortet</translation>
    </message>
    <message>
        <source>&amp;Write the event log to a file</source>
        <translation>Ereignisprotokoll in eine Datei &amp;schreiben</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> ms</source>
        <extracomment>Unit suffix: milliseconds</extracomment>
        <translation> ms</translation>
    </message>
    <message>
        <source>Offset threshold in milliseconds</source>
        <translation>Abweichungsschwelle in Millisekunden</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Arbeitsumgebung</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
    </message>
    <message>
        <source>Events to record</source>
        <translation>Aufzuzeichnende Ereignisse</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>default: chronoscope.log in the application data folder</source>
        <translation>Standard: chronoscope.log im Datenordner der Anwendung</translation>
    </message>
    <message>
        <source>Log file path</source>
        <translation>Pfad der Protokolldatei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source> KiB</source>
        <extracomment>Unit suffix: kibibytes</extracomment>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Rotate after this size</source>
        <translation>Ab dieser Größe rotieren</translation>
    </message>
    <message>
        <source>Rotated files to keep</source>
        <translation>Aufzubewahrende rotierte Dateien</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Rotate after:</source>
        <translation>&amp;Rotieren ab:</translation>
    </message>
    <message>
        <source>&amp;Keep old files:</source>
        <translation>Alte Dateien &amp;behalten:</translation>
    </message>
    <message>
        <source>Log File</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>Log files (*.log);;All files (*)</source>
        <translation>Protokolldateien (*.log);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Entries kept in the event log</source>
        <translation>Im Ereignisprotokoll aufbewahrte Einträge</translation>
    </message>
    <message>
        <source>Keep at &amp;most:</source>
        <extracomment>The window&apos;s event log keeps at most this many entries; older ones are dropped</extracomment>
        <translation>&amp;Höchstens behalten:</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SynchroniseDialog</name>
    <message>
        <source>Synchronise</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Synchronise Now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Competing time services</source>
        <translation>Konkurrierende Zeitdienste</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Authorised. Applying…</source>
        <translation>Berechtigt. Wird angewendet…</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Messung läuft…</translation>
    </message>
    <message>
        <source>Yes, I really mean a jump of more than an hour</source>
        <translation>Ja, ich meine wirklich einen Sprung um mehr als eine Stunde</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Waiting for authorisation…</source>
        <translation>Warten auf Berechtigung…</translation>
    </message>
    <message>
        <source>Measuring again: the first measurement is too old now…</source>
        <translation>Erneute Messung: Die erste Messung ist inzwischen zu alt…</translation>
    </message>
    <message>
        <source>Verifying with a fresh measurement…</source>
        <translation>Prüfung mit einer frischen Messung…</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SystemServicePage</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Daemon&apos;s state</source>
        <translation>Zustand beim Dienst</translation>
    </message>
    <message>
        <source>Daemon&apos;s offset</source>
        <translation>Abweichung laut Dienst</translation>
    </message>
    <message>
        <source>Chronoscope&apos;s offset</source>
        <translation>Abweichung laut Chronoscope</translation>
    </message>
    <message>
        <source>Compared with Chronoscope</source>
        <translation>Im Vergleich mit Chronoscope</translation>
    </message>
    <message>
        <source>Sources of the system time service</source>
        <translation>Quellen des Zeitdienstes des Systems</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the system&apos;s time service again</source>
        <translation>Den Zeitdienst des Systems erneut abfragen</translation>
    </message>
    <message>
        <source>The system&apos;s time service has not been read yet.</source>
        <translation>Der Zeitdienst des Systems wurde noch nicht abgefragt.</translation>
    </message>
    <message>
        <source>S&amp;ystem Time Service</source>
        <translation>S&amp;ystem-Zeitdienst</translation>
    </message>
    <message>
        <source>Reading the system&apos;s time service…</source>
        <translation>Zeitdienst des Systems wird abgefragt…</translation>
    </message>
    <message>
        <source>No time service was found on this computer.</source>
        <translation>Auf diesem Computer wurde kein Zeitdienst gefunden.</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>%1 konnte nicht abgefragt werden.</translation>
    </message>
    <message>
        <source>%1 (read from %2) is not synchronised to any source.</source>
        <translation>%1 (abgefragt über %2) ist mit keiner Quelle synchronisiert.</translation>
    </message>
    <message>
        <source>%1 (read from %2) follows %3.</source>
        <translation>%1 (abgefragt über %2) folgt %3.</translation>
    </message>
    <message>
        <source>offset of this clock %1 (positive: behind)</source>
        <translation>Abweichung dieser Uhr %1 (positiv: geht nach)</translation>
    </message>
    <message>
        <source>frequency %1 ppm</source>
        <translation>Frequenz %1 ppm</translation>
    </message>
    <message>
        <source>stratum %1</source>
        <translation>Stratum %1</translation>
    </message>
    <message>
        <source>leap status: %1</source>
        <translation>Schaltsekundenstatus: %1</translation>
    </message>
    <message>
        <source>&amp;Apply Chronoscope&apos;s Servers…</source>
        <translation>Server von Chronoscope &amp;übernehmen …</translation>
    </message>
    <message>
        <source>This build of Chronoscope cannot change the system&apos;s time service.</source>
        <translation>Diese Ausgabe von Chronoscope kann den Zeitdienst des Systems nicht ändern.</translation>
    </message>
    <message>
        <source>Read the system&apos;s time service first.</source>
        <translation>Lesen Sie zuerst den Zeitdienst des Systems.</translation>
    </message>
    <message>
        <source>No chronyd, systemd-timesyncd or ntpd was found on this computer.</source>
        <translation>Auf diesem Computer wurde weder chronyd noch systemd-timesyncd noch ntpd gefunden.</translation>
    </message>
    <message>
        <source>The helper is still working.</source>
        <translation>Das Hilfsprogramm arbeitet noch.</translation>
    </message>
    <message>
        <source>Chronoscope&apos;s server list is empty: add servers first.</source>
        <translation>Die Serverliste von Chronoscope ist leer: Fügen Sie zuerst Server hinzu.</translation>
    </message>
    <message>
        <source>&amp;Apply Chronoscope&apos;s Servers to %1…</source>
        <translation>Server von Chronoscope für %1 &amp;übernehmen …</translation>
    </message>
    <message>
        <source>Write Chronoscope&apos;s server list to %1&apos;s configuration through the helper, after a preview</source>
        <translation>Die Serverliste von Chronoscope über das Hilfsprogramm in die Konfiguration von %1 schreiben, nach einer Vorschau</translation>
    </message>
    <message>
        <source>Restore %1&apos;s configuration from before Chronoscope changed it</source>
        <translation>Die Konfiguration von %1 von vor der Änderung durch Chronoscope wiederherstellen</translation>
    </message>
    <message>
        <source>Rev&amp;ert…</source>
        <translation>&amp;Zurücksetzen …</translation>
    </message>
    <message>
        <source>Rev&amp;ert %1…</source>
        <translation>%1 &amp;zurücksetzen …</translation>
    </message>
    <message>
        <source>Read Thro&amp;ugh the Helper…</source>
        <translation>Über das Hilfspro&amp;gramm lesen …</translation>
    </message>
    <message>
        <source>Read chronyd&apos;s command socket with the helper&apos;s administrator rights. You are asked for an administrator password; the helper only reads and changes nothing.</source>
        <translation>Den Befehls-Socket von chronyd mit den Administratorrechten des Hilfsprogramms lesen. Sie werden nach einem Administratorpasswort gefragt; das Hilfsprogramm liest nur und ändert nichts.</translation>
    </message>
    <message>
        <source>Reading chronyd through the helper (it may ask for an administrator password)…</source>
        <translation>chronyd wird über das Hilfsprogramm gelesen (es fragt eventuell nach einem Administratorpasswort) …</translation>
    </message>
    <message>
        <source>Permission denied: this user may not read %1&apos;s command socket. Read it through the helper (Read Through the Helper…, which asks for an administrator password and only reads), let chronyd answer on its command port (cmdport 323 on 127.0.0.1), which this page then reads, or read it as root with chronoscope-cli system.</source>
        <translation>Zugriff verweigert: Dieser Benutzer darf den Befehls-Socket von %1 nicht lesen. Lesen Sie ihn über das Hilfsprogramm („Über das Hilfsprogramm lesen …“, fragt nach einem Administratorpasswort und liest nur), lassen Sie chronyd auf seinem Befehlsport antworten (cmdport 323 auf 127.0.0.1), den diese Seite dann liest, oder lesen Sie ihn als root mit chronoscope-cli system.</translation>
    </message>
    <message>
        <source>Reading %1 through the helper failed: %2</source>
        <translation>Das Lesen von %1 über das Hilfsprogramm ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Read through the helper with administrator rights; nothing was changed. Refresh reads directly again.</source>
        <translation>Über das Hilfsprogramm mit Administratorrechten gelesen; nichts wurde geändert. „Aktualisieren“ liest wieder direkt.</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::TimeServiceDialog</name>
    <message>
        <source>&amp;Lines the helper will write:</source>
        <translation>&amp;Zeilen, die das Hilfsprogramm schreibt:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Why the servers cannot be applied</source>
        <translation>Warum die Server nicht übernommen werden können</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Lines the helper will write</source>
        <translation>Zeilen, die das Hilfsprogramm schreibt</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Apply Chronoscope&apos;s Servers to %1</source>
        <translation>Server von Chronoscope für %1 übernehmen</translation>
    </message>
    <message>
        <source>&amp;Apply to %1</source>
        <translation>Für %1 &amp;übernehmen</translation>
    </message>
    <message>
        <source>and make chronyd reload its sources</source>
        <translation>und lässt chronyd seine Quellen neu laden</translation>
    </message>
    <message>
        <source>and restart systemd-timesyncd</source>
        <translation>und startet systemd-timesyncd neu</translation>
    </message>
    <message>
        <source>between the lines &quot;# BEGIN chronoscope&quot; and &quot;# END chronoscope&quot;, keep the rest of the file as it is, and restart ntpd</source>
        <translation>zwischen die Zeilen „# BEGIN chronoscope“ und „# END chronoscope“, lässt den Rest der Datei unverändert und startet ntpd neu</translation>
    </message>
    <message>
        <source>Chronoscope&apos;s helper will write %1 server(s) to %2 %3. You may be asked for an administrator password.</source>
        <extracomment>%1 the number of servers, %2 the file, %3 how the daemon is told</extracomment>
        <translation>Das Hilfsprogramm von Chronoscope schreibt %1 Server in %2 %3. Möglicherweise werden Sie nach einem Administratorpasswort gefragt.</translation>
    </message>
    <message>
        <source>The present configuration is backed up first (once: Revert always returns to the configuration from before Chronoscope&apos;s first change). The helper then watches %1 for 20 seconds and restores the backup by itself if %1 stops, loses its sources or none of the servers answers.</source>
        <extracomment>%1 the daemon</extracomment>
        <translation>Die jetzige Konfiguration wird zuerst gesichert (einmal: Zurücksetzen führt immer zur Konfiguration von vor der ersten Änderung durch Chronoscope zurück). Danach beobachtet das Hilfsprogramm %1 20 Sekunden lang und stellt die Sicherung selbst wieder her, wenn %1 anhält, seine Quellen verliert oder keiner der Server antwortet.</translation>
    </message>
    <message>
        <source>These servers cannot be applied: %1</source>
        <translation>Diese Server können nicht übernommen werden: %1</translation>
    </message>
    <message>
        <source>Revert %1&apos;s Servers</source>
        <translation>Server von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Revert %1</source>
        <translation>%1 &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Chronoscope&apos;s helper will restore %2 as it was before Chronoscope first changed it (or remove Chronoscope&apos;s file if there was none) and make %1 read it again. You may be asked for an administrator password.</source>
        <extracomment>%1 the daemon, %2 the file</extracomment>
        <translation>Das Hilfsprogramm von Chronoscope stellt %2 so wieder her, wie es vor der ersten Änderung durch Chronoscope war (oder entfernt die Datei von Chronoscope, wenn es keine gab), und lässt %1 sie neu lesen. Möglicherweise werden Sie nach einem Administratorpasswort gefragt.</translation>
    </message>
    <message>
        <source>If Chronoscope never changed %1&apos;s configuration, nothing is changed.</source>
        <translation>Wenn Chronoscope die Konfiguration von %1 nie geändert hat, wird nichts geändert.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::TrayController</name>
    <message>
        <source>&amp;Show Chronoscope</source>
        <translation>Chronoscope &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Chronoscope</source>
        <translation>Chronoscope</translation>
    </message>
    <message>
        <source>Chronoscope: %1</source>
        <translation>Chronoscope: %1</translation>
    </message>
</context>
</TS>
