<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>deploycast::DisconnectDialog</name>
    <message numerus="yes">
        <source>Disconnect %n client(s)?</source>
        <translation>
            <numerusform>Disconnect %n client?</numerusform><numerusform>Disconnect %n clients?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform><numerusform>and %n more</numerusform></translation>
    </message>
</context>
<context>
    <name>deploycast::MainWindow</name>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n server</numerusform><numerusform>%n servers</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n transmission(s)</source>
        <translation>
            <numerusform>%n transmission</numerusform><numerusform>%n transmissions</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform><numerusform>%n clients</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) disconnected</source>
        <translation>
            <numerusform>%n client disconnected</numerusform><numerusform>%n clients disconnected</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete '%1' now? Its %n client(s) stop at once, with no fallback, and may be left unusable.</source>
        <translation>
            <numerusform>Delete '%1' now? Its %n client stop at once, with no fallback, and may be left unusable.</numerusform><numerusform>Delete '%1' now? Its %n clients stop at once, with no fallback, and may be left unusable.</numerusform></translation>
    </message>
</context>
<context>
    <name>deploycast::ServerTreeModel</name>
    <message numerus="yes">
        <source>%1 — %2, %n client(s)</source>
        <translation>
            <numerusform>%1 — %2, %n client</numerusform><numerusform>%1 — %2, %n clients</numerusform></translation>
    </message>
</context>
</TS>