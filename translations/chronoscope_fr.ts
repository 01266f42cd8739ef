<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>MeasurementExport</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>No time server answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>None of the %n server(s) replies: check the network or the server list.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Time servers answer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chronoscope is measuring your clock again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clock is off by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is %1 behind the time servers (limit %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is %1 ahead of the time servers (limit %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clock is back on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offset is %1, within the limit of %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host or address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ntp.example.org or 192.0.2.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool (use up to 4 of its addresses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mi&amp;nimum poll:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum poll (log2 seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ma&amp;ximum poll:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum poll (log2 seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key id (0 for none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;iburst: send a quick burst at start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;prefer: favour this server when it agrees with the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;noselect: measure and show, never use for the system time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;trust: never mark this server a falseticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;est this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerState</name>
    <message>
        <source>system peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>falseticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jittery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unusable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate-limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>Your clock is off by %1 (± %2). Chronoscope will slew it: the clock runs slightly fast or slow until the difference is gone, without ever jumping.</source>
        <extracomment>%1 signed offset (&quot;+183 ms&quot;), %2 error bound (&quot;1.2 ms&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clock is off by %2 (± %3). Chronoscope will step it %1 at once: the time jumps.</source>
        <extracomment>%1 &quot;forward&quot;/&quot;back&quot;, %2 signed offset, %3 error bound</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 servers agree on this time.</source>
        <extracomment>%1 agreeing servers, %2 answering servers, %3 system peer name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best server: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to synchronise to: no majority of servers agrees on the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clock is already correct to within the measurement&apos;s error bound (%1 ± %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The servers are more than ten years away from your clock. Check the servers before changing anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systemd-timesyncd is running and will undo this change at its next poll. Turn it off first with “timedatectl set-ntp false”, or let it keep the clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chronyd is running and will pull the clock back to its own estimate. Let chrony correct the clock (“chronyc makestep”), or stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is running and will undo this change. Stop it first, or let it keep the clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel reports that another program already disciplines the clock; it may undo this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated: the helper&apos;s test clock was changed by %1; your clock was not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock is being slewed by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clock was stepped by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: the helper accepted a change of %1 and changed nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the password prompt was closed. The clock was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offset changed while you confirmed it. Please review the new proposal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the change was not confirmed. The clock was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the clock was changed moments ago. Wait a few seconds and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the measurement was too old when it reached the helper. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the resulting date would be impossible (before this version was built, or after 2100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the helper (%1). The clock was not changed.</source>
        <extracomment>%1 technical reason (&quot;out_of_range&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: you are not authorised to change the clock. The clock was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: the clock helper could not be used (%1). The clock was not changed.</source>
        <extracomment>%1 technical detail</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: the system refused the change: %1 (error %2).</source>
        <extracomment>%1 system error text, %2 errno</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification failed: no majority of servers agreed on the time afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: your clock is now %1 from the servers (± %2); the slew continues in the background.</source>
        <extracomment>%1 signed offset, %2 error bound</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: your clock is now %1 from the servers (± %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ChartsPanel</name>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log scale for delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the charts; measuring goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag across a chart to zoom; right-click or this button to reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset &gt; 0: your clock is behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::DriftChart</name>
    <message>
        <source>The frequency of your clock is not known yet: it needs a minute or more of replies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>± uncertainty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency (ppm, + gains)</source>
        <extracomment>Axis title; ppm = parts per million, positive = the clock gains</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clock runs fast by %1 ppm (± %2 ppm): it gains about %3 per day.</source>
        <extracomment>%1 frequency in ppm, %2 its uncertainty in ppm, %3 seconds per day</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clock runs slow by %1 ppm (± %2 ppm): it loses about %3 per day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::EventLogModel</name>
    <message>
        <source>detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kiss-o&apos;-death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selection change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clock step requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(system)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::EventLogPane</name>
    <message>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show events of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All levels, with details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected entries, or every shown entry when none is selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le&amp;vel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::EventRecorder</name>
    <message>
        <source>server added (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server added, address %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request sent (#%1, poll %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>%1 old state, %2 new state, e.g. &quot;candidate → falseticker&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply accepted: offset %1, delay %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reply: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kiss-o&apos;-death received%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply rejected: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no system peer any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system peer is now %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synchronised: offset %1, %2 survivor(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost synchronisation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clock correction of %1 requested%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::FilterStageModel</name>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispersion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter uses the sample with the lowest delay of the last eight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::HeadlineBanner</name>
    <message>
        <source>Clock status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::MainWindow</name>
    <message>
        <source>Chronoscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;tails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event log file was closed after an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup could be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy was saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file was damaged and has been repaired; entries that could not be read were dropped. %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings file damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers from the command line: the saved list is unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event log file cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time servers configured: add one with Servers → Add Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1 (%2 ago) · %3 of %4 server(s) answer</source>
        <extracomment>%1 time of day, %2 age (&quot;5 s&quot;), %3 reachable servers, %4 all servers</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · system peer %1 · %n survivor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the first replies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) monitored</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Chronoscope keeps monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is still running in the tray. Quit from the tray menu or with Ctrl+Q.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Server List…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read server and pool lines from a chrony.conf or ntp.conf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Server List…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Measurements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Chart as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Event &amp;Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event &amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart &amp;Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last &amp;5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last &amp;hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last &amp;24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logarithmic Delay Axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Chronoscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Chronoscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Chronoscope %1&lt;/b&gt;&lt;p&gt;How far your clock is off, and why each time server is trusted or not.&lt;/p&gt;&lt;p&gt;Offsets are server time minus local time: positive means your clock is behind.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the pool %1 and all of its addresses?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n server(s) from %1.</source>
        <extracomment>%1 number of servers, %2 file name</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were not imported as written:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the event log)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>imported %n server(s) from %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Server list written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server list written to %1, with notes:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Server List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chrony configuration (chrony.conf *.conf *.sources);;ntpd / ntpsec configuration (ntp.conf ntpsec.conf *.conf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the servers of %1 to your list, or replace your list with them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Server List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chrony configuration (*.conf *.sources);;ntpd / ntpsec configuration (ntp.conf *.conf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurements written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Event Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.log *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event log written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::MetricChart</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Axis title: the metric and its unit, e.g. &quot;Offset (ms)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <extracomment>Chart read-out: server name, value (with unit), time of day</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SelectionView</name>
    <message>
        <source>Selection picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correctness intervals of the servers and the intersection the selection found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truechimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outlier / jittery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>falseticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intersection (the majority agrees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server has a correctness interval yet: waiting for replies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intersection %1 … %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset (symmetric log scale; positive: your clock is behind)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset (positive: your clock is behind)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no interval (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ServerDetailPane</name>
    <message>
        <source>Clock filter samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock filter: the last 8 samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last exchange (T1–T4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests on the last reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected replies and kiss-o&apos;-death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply came from a different address or port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a server reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply without an outstanding request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>origin timestamp does not match our request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate of an earlier reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply carries a zero timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kiss-o&apos;-death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server says its clock is not synchronised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stratum 0 without a kiss code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server is unsynchronised (stratum 16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>root distance of 16 s or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server timestamps are inconsistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round-trip delay above the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reply in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held back as a popcorn spike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no leap second pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leap second to be inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leap second to be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server unsynchronised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leap indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root dispersion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root distance λ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset ± jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent, %2 accepted, %3 without reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel (SO_TIMESTAMPNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ppm ± %2 ppm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply to the last request (%1): no tests were run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply comes from the server&apos;s address and port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Well-formed NTP server reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers a request we sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test 2: origin timestamp is our request&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test 1: not a duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test 3: no zero timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kiss-o&apos;-death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test 6: synchronised, stratum 1–15</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test 7: root distance below 16 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server timestamps consistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round-trip delay within the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply at %1 accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply at %1 rejected: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a server in the table to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T1 request sent (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T2 request received (server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T3 reply sent (server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T4 reply received (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset ((T2−T1)+(T3−T4))/2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay (T4−T1)−(T3−T2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply accepted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last kiss-o&apos;-death code: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kiss-o&apos;-death received.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ServerDialog</name>
    <message>
        <source>Add Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log2 of the shortest interval between requests: 6 = 64 s. Public servers are never polled faster than 64 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log2 of the longest interval between requests: 10 = 1024 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symmetric key number from your key file; none = no authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: answers, offset %2, delay %3, stratum %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <extracomment>Poll spin box suffix, e.g. &quot; (64 s)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a host name or an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1 (%2 requests)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::ServerTableModel</name>
    <message>
        <source>Answers to the last 8 requests, oldest on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current interval between requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server time minus local time: positive means your clock is behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round-trip delay of the chosen sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread of the recent samples around the chosen one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How replies are authenticated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stratum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the last 8 requests answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach register %1 (octal): %2 of the last 8 requests answered, newest on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>Authentication column: no key or NTS in use</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SettingsDialog</name>
    <message>
        <source>&amp;Keep monitoring in the tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify when the &amp;offset exceeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify when &amp;no server answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write the event log to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <extracomment>Unit suffix: milliseconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset threshold in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events to record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: chronoscope.log in the application data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> KiB</source>
        <extracomment>Unit suffix: kibibytes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate after this size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated files to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep old files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::SynchroniseDialog</name>
    <message>
        <source>Synchronise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronise Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competing time services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorised. Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, make the clock jump by %1</source>
        <extracomment>%1 signed offset (&quot;+2.30 s&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, I really mean a jump of more than an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for authorisation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring again: the first measurement is too old now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying with a fresh measurement…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chronoscope::ui::TrayController</name>
    <message>
        <source>&amp;Show Chronoscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chronoscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chronoscope: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
