<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>DisconnectSummary</name>
    <message numerus="yes">
        <source>%1: %2 (%n client(s) not disconnected)</source>
        <translation>
            <numerusform>%1: %2 (%n client not disconnected)</numerusform><numerusform>%1: %2 (%n clients not disconnected)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n continuing by unicast</source>
        <translation>
            <numerusform>%n continuing by unicast</numerusform><numerusform>%n continuing by unicast</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed (no fallback)</source>
        <translation>
            <numerusform>%n failed (no fallback)</numerusform><numerusform>%n failed (no fallback)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n stopped with Force</source>
        <translation>
            <numerusform>%n stopped with Force</numerusform><numerusform>%n stopped with Force</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n had already left</source>
        <translation>
            <numerusform>%n had already left</numerusform><numerusform>%n had already left</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not disconnected</source>
        <translation>
            <numerusform>%n not disconnected</numerusform><numerusform>%n not disconnected</numerusform></translation>
    </message>
</context>
<context>
    <name>deploycast::ClientTableModel</name>
    <message numerus="yes">
        <source>No progress for %n second(s) or more.</source>
        <translation>
            <numerusform>No progress for %n second or more.</numerusform><numerusform>No progress for %n seconds or more.</numerusform></translation>
    </message>
</context>
<context>
    <name>deploycast::DisconnectDialog</name>
    <message numerus="yes">
        <source>Disconnect %n client(s)?</source>
        <translation>
            <numerusform>Disconnect %n client?</numerusform><numerusform>Disconnect %n clients?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Disconnect %n client(s) in %1 transmissions?</source>
        <translation>
            <numerusform>Disconnect %n client in %1 transmissions?</numerusform><numerusform>Disconnect %n clients in %1 transmissions?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n client(s))</source>
        <translation>
            <numerusform>%1 (%n client)</numerusform><numerusform>%1 (%n clients)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n of them cannot fall back and will fail.</source>
        <translation>
            <numerusform>%n of them cannot fall back and will fail.</numerusform><numerusform>%n of them cannot fall back and will fail.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Force disconnect %n client(s)</source>
        <translation>
            <numerusform>Force disconnect %n client</numerusform><numerusform>Force disconnect %n clients</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Disconnect %n client(s)</source>
        <translation>
            <numerusform>Disconnect %n client</numerusform><numerusform>Disconnect %n clients</numerusform></translation>
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
        <source>Delete '%1' now? Its %n client(s) stop at once, with no fallback, and may be left unusable.</source>
        <translation>
            <numerusform>Delete '%1' now? Its %n client stop at once, with no fallback, and may be left unusable.</numerusform><numerusform>Delete '%1' now? Its %n clients stop at once, with no fallback, and may be left unusable.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) copied.</source>
        <translation>
            <numerusform>%n row copied.</numerusform><numerusform>%n rows copied.</numerusform></translation>
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
<context>
    <name>deploycast::ThroughputChart</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform><numerusform>%n minutes ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n second ago</numerusform><numerusform>%n seconds ago</numerusform></translation>
    </message>
</context>
<context>
    <name>deploycast::TrayNotifier</name>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform><numerusform>%n clients</numerusform></translation>
    </message>
</context>
</TS>