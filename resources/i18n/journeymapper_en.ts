<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>ActionBoard</name>
        <message numerus="yes">
            <source>%n action(s)</source>
            <translation>
                <numerusform>%n action</numerusform>
                <numerusform>%n actions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n overdue</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChangesPanel</name>
        <message numerus="yes">
            <source>Compared with {label}: %n change(s)</source>
            <translation>
                <numerusform>Compared with {label}: %n change</numerusform>
                <numerusform>Compared with {label}: %n changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message numerus="yes">
            <source>%n card(s)</source>
            <translation>
                <numerusform>%n card</numerusform>
                <numerusform>%n cards</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stage(s)</source>
            <translation>
                <numerusform>%n stage</numerusform>
                <numerusform>%n stages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Add %n card(s)</source>
            <translation>
                <numerusform>Add %n card</numerusform>
                <numerusform>Add %n cards</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Duplicate %n card(s)</source>
            <translation>
                <numerusform>Duplicate %n card</numerusform>
                <numerusform>Duplicate %n cards</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %n card(s)</source>
            <translation>
                <numerusform>Move %n card</numerusform>
                <numerusform>Move %n cards</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Paste %n card(s)</source>
            <translation>
                <numerusform>Paste %n card</numerusform>
                <numerusform>Paste %n cards</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove %n card(s)</source>
            <translation>
                <numerusform>Remove %n card</numerusform>
                <numerusform>Remove %n cards</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove %n link(s)</source>
            <translation>
                <numerusform>Remove %n link</numerusform>
                <numerusform>Remove %n links</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove %n stage(s)</source>
            <translation>
                <numerusform>Remove %n stage</numerusform>
                <numerusform>Remove %n stages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentFiles</name>
        <message numerus="yes">
            <source>{name} was partially loaded: %n problem(s) repaired. Saving writes the repaired map.</source>
            <translation>
                <numerusform>{name} was partially loaded: %n problem repaired. Saving writes the repaired map.</numerusform>
                <numerusform>{name} was partially loaded: %n problems repaired. Saving writes the repaired map.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <source>Wrote %n page(s) to {path} ({layout}), set in {font}.</source>
            <translation>
                <numerusform>Wrote %n page to {path} ({layout}), set in {font}.</numerusform>
                <numerusform>Wrote %n pages to {path} ({layout}), set in {font}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>map on %n tile(s) plus an overview</source>
            <translation>
                <numerusform>map on %n tile plus an overview</numerusform>
                <numerusform>map on %n tiles plus an overview</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message numerus="yes">
            <source>%n element(s) selected</source>
            <translation>
                <numerusform>%n element selected</numerusform>
                <numerusform>%n elements selected</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Lane · %n card(s)</source>
            <translation>
                <numerusform>Lane · %n card</numerusform>
                <numerusform>Lane · %n cards</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MapActions</name>
        <message numerus="yes">
            <source>Remove lane '{name}' and its %n card(s)?</source>
            <translation>
                <numerusform>Remove lane '{name}' and its %n card?</numerusform>
                <numerusform>Remove lane '{name}' and its %n cards?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove stage '{name}' and its %n card(s)?</source>
            <translation>
                <numerusform>Remove stage '{name}' and its %n card?</numerusform>
                <numerusform>Remove stage '{name}' and its %n cards?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{done} with %n card(s); Ctrl+Z brings it back</source>
            <translation>
                <numerusform>{done} with %n card; Ctrl+Z brings it back</numerusform>
                <numerusform>{done} with %n cards; Ctrl+Z brings it back</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MapEditor</name>
        <message numerus="yes">
            <source>Copied %n card(s)</source>
            <translation>
                <numerusform>Copied %n card</numerusform>
                <numerusform>Copied %n cards</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove lane “{name}” and its %n card(s)?</source>
            <translation>
                <numerusform>Remove lane “{name}” and its %n card?</numerusform>
                <numerusform>Remove lane “{name}” and its %n cards?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove stage {names} and its %n card(s)?</source>
            <translation>
                <numerusform>Remove stage {names} and its %n card?</numerusform>
                <numerusform>Remove stage {names} and its %n cards?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove stages {names} and their %n card(s)?</source>
            <translation>
                <numerusform>Remove stages {names} and their %n card?</numerusform>
                <numerusform>Remove stages {names} and their %n cards?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message numerus="yes">
            <source>%n unsaved change(s)</source>
            <translation>
                <numerusform>%n unsaved change</numerusform>
                <numerusform>%n unsaved changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>journeymapper did not close normally. %n map(s) had changes that were not saved:</source>
            <translation>
                <numerusform>journeymapper did not close normally. %n map had changes that were not saved:</numerusform>
                <numerusform>journeymapper did not close normally. %n maps had changes that were not saved:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScoresPanel</name>
        <message numerus="yes">
            <source>Deleted wave “{name}” and its %n score(s) (undo brings them back).</source>
            <translation>
                <numerusform>Deleted wave “{name}” and its %n score (undo brings it back).</numerusform>
                <numerusform>Deleted wave “{name}” and its %n scores (undo brings them back).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SurveyImportDialog</name>
        <message numerus="yes">
            <source>%n header row(s)</source>
            <translation>
                <numerusform>%n header row</numerusform>
                <numerusform>%n header rows</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n quote(s) will be added to the thought lane.</source>
            <translation>
                <numerusform>%n quote will be added to the thought lane.</numerusform>
                <numerusform>%n quotes will be added to the thought lane.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n response(s) → wave “{wave}”.</source>
            <translation>
                <numerusform>%n response → wave “{wave}”.</numerusform>
                <numerusform>%n responses → wave “{wave}”.</numerusform>
            </translation>
        </message>
    </context>
</TS>
