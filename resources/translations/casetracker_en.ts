<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>App</name>
        <message numerus="yes">
            <source>Quit and lose %n change(s)</source>
            <translation>
                <numerusform>Quit and lose %n change</numerusform>
                <numerusform>Quit and lose %n changes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BundleImportDialog</name>
        <message numerus="yes">
            <source>Changed on both sides: %n record(s). Choose below which version to keep.</source>
            <translation>
                <numerusform>Changed on both sides: %n record. Choose below which version to keep.</numerusform>
                <numerusform>Changed on both sides: %n records. Choose below which version to keep.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) you changed since the last import (yours are kept)</source>
            <translation>
                <numerusform>%n record you changed since the last import (yours is kept)</numerusform>
                <numerusform>%n records you changed since the last import (yours are kept)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) older than what you have</source>
            <translation>
                <numerusform>%n record older than what you have</numerusform>
                <numerusform>%n records older than what you have</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) deleted here after an earlier import (they stay deleted)</source>
            <translation>
                <numerusform>%n record deleted here after an earlier import (it stays deleted)</numerusform>
                <numerusform>%n records deleted here after an earlier import (they stay deleted)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) whose case or place is not here</source>
            <translation>
                <numerusform>%n record whose case or place is not here</numerusform>
                <numerusform>%n records whose case or place is not here</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message numerus="yes">
            <source>%1 +%n more</source>
            <translation>
                <numerusform>%1 +%n more</numerusform>
                <numerusform>%1 +%n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CasesView</name>
        <message numerus="yes">
            <source>%n possible duplicate(s): </source>
            <translation>
                <numerusform>%n possible duplicate: </numerusform>
                <numerusform>%n possible duplicates: </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n case(s) shown</source>
            <translation>
                <numerusform>%n case shown</numerusform>
                <numerusform>%n cases shown</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CreatePage</name>
        <message numerus="yes">
            <source>At least %n characters. Several unrelated words are strong and easy to remember. There is no way to recover a forgotten passphrase except the recovery key shown next.</source>
            <translation>
                <numerusform>At least %n character. Several unrelated words are strong and easy to remember. There is no way to recover a forgotten passphrase except the recovery key shown next.</numerusform>
                <numerusform>At least %n characters. Several unrelated words are strong and easy to remember. There is no way to recover a forgotten passphrase except the recovery key shown next.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <source>The %n selected case(s)</source>
            <translation>
                <numerusform>The %n selected case</numerusform>
                <numerusform>The %n selected cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Every case in the vault (%n)</source>
            <translation>
                <numerusform>Every case in the vault (%n)</numerusform>
                <numerusform>Every case in the vault (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>At least %n characters</source>
            <translation>
                <numerusform>At least %n character</numerusform>
                <numerusform>At least %n characters</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No consent from the man to this audience in %n case(s): %1.</source>
            <translation>
                <numerusform>No consent from the man to this audience in %n case: %1.</numerusform>
                <numerusform>No consent from the man to this audience in %n cases: %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No names leave: not the men's, not their %n relative(s)'; no notes, no source titles, no attached files.</source>
            <translation>
                <numerusform>No names leave: not the men's, not their %n relative's; no notes, no source titles, no attached files.</numerusform>
                <numerusform>No names leave: not the men's, not their %n relatives'; no notes, no source titles, no attached files.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n attached file(s) stay here (not included).</source>
            <translation>
                <numerusform>%n attached file stays here (not included).</numerusform>
                <numerusform>%n attached files stay here (not included).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No consent from the man to this audience in %n case(s): see below.</source>
            <translation>
                <numerusform>No consent from the man to this audience in %n case: see below.</numerusform>
                <numerusform>No consent from the man to this audience in %n cases: see below.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>and %n more</source>
            <translation>
                <numerusform>and %n more</numerusform>
                <numerusform>and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The passphrase needs at least %n characters.</source>
            <translation>
                <numerusform>The passphrase needs at least %n character.</numerusform>
                <numerusform>The passphrase needs at least %n characters.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FlagTreeModel</name>
        <message numerus="yes">
            <source>%n case(s) at this place</source>
            <translation>
                <numerusform>%n case at this place</numerusform>
                <numerusform>%n cases at this place</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryTab</name>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n change</numerusform>
                <numerusform>%n changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n change(s)</source>
            <translation>
                <numerusform>%1 of %n change</numerusform>
                <numerusform>%1 of %n changes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message numerus="yes">
            <source>Import %n case(s)</source>
            <translation>
                <numerusform>Import %n case</numerusform>
                <numerusform>Import %n cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1: %n row(s)</source>
            <translation>
                <numerusform>%1: %n row</numerusform>
                <numerusform>%1: %n rows</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n column(s).</source>
            <translation>
                <numerusform>%n column.</numerusform>
                <numerusform>%n columns.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) are garbled in the file itself; they are listed at the end.</source>
            <translation>
                <numerusform>%n line is garbled in the file itself; it is listed at the end.</numerusform>
                <numerusform>%n lines are garbled in the file itself; they are listed at the end.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The first %n row(s) of the file, as the vault will hold them.</source>
            <translation>
                <numerusform>The first %n row of the file, as the vault will hold it.</numerusform>
                <numerusform>The first %n rows of the file, as the vault will hold them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n of them cannot be read (shown in italics, with the reason).</source>
            <translation>
                <numerusform>%n of them cannot be read (shown in italics, with the reason).</numerusform>
                <numerusform>%n of them cannot be read (shown in italics, with the reason).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>In %n of them a cell cannot be read: it will be left empty and its text kept in the case's notes.</source>
            <translation>
                <numerusform>In %n of them a cell cannot be read: it will be left empty and its text kept in the case's notes.</numerusform>
                <numerusform>In %n of them a cell cannot be read: it will be left empty and its text kept in the case's notes.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Ready to import %n case(s)</source>
            <translation>
                <numerusform>Ready to import %n case</numerusform>
                <numerusform>Ready to import %n cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new place(s)</source>
            <translation>
                <numerusform>%n new place</numerusform>
                <numerusform>%n new places</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new relative(s)</source>
            <translation>
                <numerusform>%n new relative</numerusform>
                <numerusform>%n new relatives</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n contact(s) in the log</source>
            <translation>
                <numerusform>%n contact in the log</numerusform>
                <numerusform>%n contacts in the log</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No new case; %n case(s) to update.</source>
            <translation>
                <numerusform>No new case; %n case to update.</numerusform>
                <numerusform>No new case; %n cases to update.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) cannot be read and will not be imported</source>
            <translation>
                <numerusform>%n row cannot be read and will not be imported</numerusform>
                <numerusform>%n rows cannot be read and will not be imported</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>A cell cannot be read in %n row(s); the rows are imported without it</source>
            <translation>
                <numerusform>A cell cannot be read in %n row; the rows are imported without it</numerusform>
                <numerusform>A cell cannot be read in %n rows; the rows are imported without it</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Left as they are: %n case(s) already in the vault.</source>
            <translation>
                <numerusform>Left as they are: %n case already in the vault.</numerusform>
                <numerusform>Left as they are: %n cases already in the vault.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import the %n readable case(s) and leave the rows listed above out</source>
            <translation>
                <numerusform>Import the %n readable case and leave the rows listed above out</numerusform>
                <numerusform>Import the %n readable cases and leave the rows listed above out</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Already in the vault (the same case reference, or the same name and date of birth): %n row(s) of this file (lines %1)</source>
            <translation>
                <numerusform>Already in the vault (the same case reference, or the same name and date of birth): %n row of this file (lines %1)</numerusform>
                <numerusform>Already in the vault (the same case reference, or the same name and date of birth): %n rows of this file (lines %1)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n case(s).</source>
            <translation>
                <numerusform>Imported %n case.</numerusform>
                <numerusform>Imported %n cases.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Updated %n case(s) already in the vault; their history shows what changed.</source>
            <translation>
                <numerusform>Updated %n case already in the vault; their history shows what changed.</numerusform>
                <numerusform>Updated %n cases already in the vault; their history shows what changed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>In %n row(s) a cell could not be read: it was left empty and its text kept in the case's notes.</source>
            <translation>
                <numerusform>In %n row a cell could not be read: it was left empty and its text kept in the case's notes.</numerusform>
                <numerusform>In %n rows a cell could not be read: it was left empty and its text kept in the case's notes.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) that could not be read were left out.</source>
            <translation>
                <numerusform>%n row that could not be read was left out.</numerusform>
                <numerusform>%n rows that could not be read were left out.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PassphraseFields</name>
        <message numerus="yes">
            <source>At least %n characters. Several unrelated words are strong and easy to remember.</source>
            <translation>
                <numerusform>At least %n characters. Several unrelated words are strong and easy to remember.</numerusform>
                <numerusform>At least %n characters. Several unrelated words are strong and easy to remember.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The passphrase needs at least %n characters.</source>
            <translation>
                <numerusform>The passphrase needs at least %n characters.</numerusform>
                <numerusform>The passphrase needs at least %n characters.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportsView</name>
        <message numerus="yes">
            <source>%n case(s) in the vault</source>
            <translation>
                <numerusform>%n case in the vault</numerusform>
                <numerusform>%n cases in the vault</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n still open</source>
            <translation>
                <numerusform>%n still open</numerusform>
                <numerusform>%n still open</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RequestDialog</name>
        <message numerus="yes">
            <source>A reply is due by %1 (%n day(s) for this kind of body).</source>
            <translation>
                <numerusform>A reply is due by %1 (%n day for this kind of body).</numerusform>
                <numerusform>A reply is due by %1 (%n days for this kind of body).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RequestsView</name>
        <message numerus="yes">
            <source>%n request(s) awaiting a reply</source>
            <translation>
                <numerusform>%n request awaiting a reply</numerusform>
                <numerusform>%n requests awaiting a reply</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n past the deadline</source>
            <translation>
                <numerusform>%n past the deadline</numerusform>
                <numerusform>%n past the deadline</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SamePersonDialog</name>
        <message numerus="yes">
            <source>%n cases match: type more of the name, or the reference.</source>
            <translation>
                <numerusform>%n cases match: type more of the name, or the reference.</numerusform>
                <numerusform>%n cases match: type more of the name, or the reference.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SourcesView</name>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n place(s)</source>
            <translation>
                <numerusform>%n place</numerusform>
                <numerusform>%n places</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message numerus="yes">
            <source>%n conflict(s) to decide</source>
            <translation>
                <numerusform>%n conflict to decide</numerusform>
                <numerusform>%n conflicts to decide</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) to send</source>
            <translation>
                <numerusform>%n change to send</numerusform>
                <numerusform>%n changes to send</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TodayTasks</name>
        <message numerus="yes">
            <source>%n overdue</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n due in the next 7 days</source>
            <translation>
                <numerusform>%n due in the next 7 days</numerusform>
                <numerusform>%n due in the next 7 days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TodayView</name>
        <message numerus="yes">
            <source>%n critical</source>
            <translation>
                <numerusform>%n critical</numerusform>
                <numerusform>%n critical</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reminder(s)</source>
            <translation>
                <numerusform>%n reminder</numerusform>
                <numerusform>%n reminders</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>argparse_plurals</name>
        <message numerus="yes">
            <source>expected %s argument(s)</source>
            <translation>
                <numerusform>expected %s argument</numerusform>
                <numerusform>expected %s arguments</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>conflicting option string(s): %s</source>
            <translation>
                <numerusform>conflicting option string: %s</numerusform>
                <numerusform>conflicting option strings: %s</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>dossier</name>
        <message numerus="yes">
            <source>Relatives withheld for lack of consent: %n</source>
            <translation>
                <numerusform>Relatives withheld for lack of consent: %n</numerusform>
                <numerusform>Relatives withheld for lack of consent: %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>label_plurals</name>
        <message numerus="yes">
            <source>Critical (%n)</source>
            <translation>
                <numerusform>Critical (%n)</numerusform>
                <numerusform>Critical (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Warnings (%n)</source>
            <translation>
                <numerusform>Warnings (%n)</numerusform>
                <numerusform>Warnings (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reminders (%n)</source>
            <translation>
                <numerusform>Reminders (%n)</numerusform>
                <numerusform>Reminders (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>record_counts</name>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n relative(s)</source>
            <translation>
                <numerusform>%n relative</numerusform>
                <numerusform>%n relatives</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n contact(s) in the log</source>
            <translation>
                <numerusform>%n contact in the log</numerusform>
                <numerusform>%n contacts in the log</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n status change(s)</source>
            <translation>
                <numerusform>%n status change</numerusform>
                <numerusform>%n status changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n custody period(s)</source>
            <translation>
                <numerusform>%n custody period</numerusform>
                <numerusform>%n custody periods</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n place(s)</source>
            <translation>
                <numerusform>%n place</numerusform>
                <numerusform>%n places</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s)</source>
            <translation>
                <numerusform>%n source</numerusform>
                <numerusform>%n sources</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n allegation(s)</source>
            <translation>
                <numerusform>%n allegation</numerusform>
                <numerusform>%n allegations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n attached file(s)</source>
            <translation>
                <numerusform>%n attached file</numerusform>
                <numerusform>%n attached files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n link(s) between cases and relatives</source>
            <translation>
                <numerusform>%n link between cases and relatives</numerusform>
                <numerusform>%n links between cases and relatives</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n link(s) between sources and cases</source>
            <translation>
                <numerusform>%n link between sources and cases</numerusform>
                <numerusform>%n links between sources and cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n link(s) between sources and places</source>
            <translation>
                <numerusform>%n link between sources and places</numerusform>
                <numerusform>%n links between sources and places</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n link(s) between allegations and cases</source>
            <translation>
                <numerusform>%n link between allegations and cases</numerusform>
                <numerusform>%n links between allegations and cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) in the history of changes</source>
            <translation>
                <numerusform>%n record in the history of changes</numerusform>
                <numerusform>%n records in the history of changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n acknowledged or snoozed flag(s)</source>
            <translation>
                <numerusform>%n acknowledged or snoozed flag</numerusform>
                <numerusform>%n acknowledged or snoozed flags</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n flag(s)</source>
            <translation>
                <numerusform>%n flag</numerusform>
                <numerusform>%n flags</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n saved spreadsheet mapping(s)</source>
            <translation>
                <numerusform>%n saved spreadsheet mapping</numerusform>
                <numerusform>%n saved spreadsheet mappings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) known from bundles</source>
            <translation>
                <numerusform>%n record known from bundles</numerusform>
                <numerusform>%n records known from bundles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n set(s) of this organisation's keys</source>
            <translation>
                <numerusform>%n set of this organisation's keys</numerusform>
                <numerusform>%n sets of this organisation's keys</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n recipient(s) in the address book</source>
            <translation>
                <numerusform>%n recipient in the address book</numerusform>
                <numerusform>%n recipients in the address book</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) to official bodies</source>
            <translation>
                <numerusform>%n request to official bodies</numerusform>
                <numerusform>%n requests to official bodies</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n consent(s) given or withdrawn</source>
            <translation>
                <numerusform>%n consent given or withdrawn</numerusform>
                <numerusform>%n consents given or withdrawn</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) in the disclosure log</source>
            <translation>
                <numerusform>%n line in the disclosure log</numerusform>
                <numerusform>%n lines in the disclosure log</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n letter template(s)</source>
            <translation>
                <numerusform>%n letter template</numerusform>
                <numerusform>%n letter templates</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n task(s)</source>
            <translation>
                <numerusform>%n task</numerusform>
                <numerusform>%n tasks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n decision(s) whether two cases are one man</source>
            <translation>
                <numerusform>%n decision whether two cases are one man</numerusform>
                <numerusform>%n decisions whether two cases are one man</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s) between team members' changes</source>
            <translation>
                <numerusform>%n conflict between team members' changes</numerusform>
                <numerusform>%n conflicts between team members' changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n team membership(s)</source>
            <translation>
                <numerusform>%n team membership</numerusform>
                <numerusform>%n team memberships</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n team invitation(s) not answered yet</source>
            <translation>
                <numerusform>%n team invitation not answered yet</numerusform>
                <numerusform>%n team invitations not answered yet</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n history record(s) signed by a team member</source>
            <translation>
                <numerusform>%n history record signed by a team member</numerusform>
                <numerusform>%n history records signed by a team member</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>reports</name>
        <message numerus="yes">
            <source>%n other place(s)</source>
            <translation>
                <numerusform>%n other place</numerusform>
                <numerusform>%n other places</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n case(s) without a detention date are not counted.</source>
            <translation>
                <numerusform>%n case without a detention date are not counted.</numerusform>
                <numerusform>%n cases without a detention date are not counted.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n detention(s) before the first month shown.</source>
            <translation>
                <numerusform>%n detention before the first month shown.</numerusform>
                <numerusform>%n detentions before the first month shown.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>request_words</name>
        <message numerus="yes">
            <source>%n day(s) late</source>
            <translation>
                <numerusform>%n day late</numerusform>
                <numerusform>%n days late</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>%n day left</numerusform>
                <numerusform>%n days left</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>rules</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) refused</source>
            <translation>
                <numerusform>%n request refused</numerusform>
                <numerusform>%n requests refused</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) without a reply in time</source>
            <translation>
                <numerusform>%n request without a reply in time</numerusform>
                <numerusform>%n requests without a reply in time</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>same_person</name>
        <message numerus="yes">
            <source>%n task(s)</source>
            <translation>
                <numerusform>%n task</numerusform>
                <numerusform>%n tasks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) to officials</source>
            <translation>
                <numerusform>%n request to officials</numerusform>
                <numerusform>%n requests to officials</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n consent record(s)</source>
            <translation>
                <numerusform>%n consent record</numerusform>
                <numerusform>%n consent records</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) of the disclosure log</source>
            <translation>
                <numerusform>%n line of the disclosure log</numerusform>
                <numerusform>%n lines of the disclosure log</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n other record(s)</source>
            <translation>
                <numerusform>%n other record</numerusform>
                <numerusform>%n other records</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>services</name>
        <message numerus="yes">
            <source>Nothing was exported: the man has not consented to this audience in %n case(s) ({refs}). Give a reason to send them without his consent, or record it first.</source>
            <translation>
                <numerusform>Nothing was exported: the man has not consented to this audience in %n case ({refs}). Give a reason to send them without his consent, or record it first.</numerusform>
                <numerusform>Nothing was exported: the man has not consented to this audience in %n cases ({refs}). Give a reason to send them without his consent, or record it first.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>task_words</name>
        <message numerus="yes">
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>%n day overdue</numerusform>
                <numerusform>%n days overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n day(s)</source>
            <translation>
                <numerusform>in %n day</numerusform>
                <numerusform>in %n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>time_plurals</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
    </context>
</TS>
