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
        <name>Capture</name>
        <message numerus="yes">
            <source>{file} names %n stage(s) this map does not have: {names}. Add them at the end?</source>
            <translation>
                <numerusform>{file} names %n stage this map does not have: {names}. Add it at the end?</numerusform>
                <numerusform>{file} names %n stages this map does not have: {names}. Add them at the end?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CardItem</name>
        <message numerus="yes">
            <source>%n vote(s)</source>
            <translation>
                <numerusform>%n vote</numerusform>
                <numerusform>%n votes</numerusform>
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
            <source>Change %n card(s) to {kind}</source>
            <translation>
                <numerusform>Change %n card to {kind}</numerusform>
                <numerusform>Change %n cards to {kind}</numerusform>
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
            <source>Import %n card(s)</source>
            <translation>
                <numerusform>Import %n card</numerusform>
                <numerusform>Import %n cards</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Lock %n item(s)</source>
            <translation>
                <numerusform>Lock %n item</numerusform>
                <numerusform>Lock %n items</numerusform>
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
        <message numerus="yes">
            <source>Reveal the round (%n card(s))</source>
            <translation>
                <numerusform>Reveal the round (%n card)</numerusform>
                <numerusform>Reveal the round (%n cards)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Unlock %n item(s)</source>
            <translation>
                <numerusform>Unlock %n item</numerusform>
                <numerusform>Unlock %n items</numerusform>
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
            <source>the map on %n page(s)</source>
            <translation>
                <numerusform>the map on %n page</numerusform>
                <numerusform>the map on %n pages</numerusform>
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
    <context>
        <name>Timer</name>
        <message numerus="yes">
            <source>Start %n Minute(s)</source>
            <translation>
                <numerusform>Start %n Minute</numerusform>
                <numerusform>Start %n Minutes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Voting</name>
        <message numerus="yes">
            <source>%n dot(s) left</source>
            <translation>
                <numerusform>%n dot left</numerusform>
                <numerusform>%n dots left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>At most %n dot(s) on one card; Shift+click takes one back</source>
            <translation>
                <numerusform>At most %n dot on one card; Shift+click takes it back</numerusform>
                <numerusform>At most %n dots on one card; Shift+click takes one back</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Open: %n voter(s) so far</source>
            <translation>
                <numerusform>Open: %n voter so far</numerusform>
                <numerusform>Open: %n voters so far</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Revealed: %n voter(s)</source>
            <translation>
                <numerusform>Revealed: %n voter</numerusform>
                <numerusform>Revealed: %n voters</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Time is up: %n voter(s); waiting for the reveal</source>
            <translation>
                <numerusform>Time is up: %n voter; waiting for the reveal</numerusform>
                <numerusform>Time is up: %n voters; waiting for the reveal</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{name} has placed all %n dot(s); Shift+click a card to take one back</source>
            <translation>
                <numerusform>{name} has placed the %n dot; Shift+click a card to take it back</numerusform>
                <numerusform>{name} has placed all %n dots; Shift+click a card to take one back</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{name}: %n dot(s) left</source>
            <translation>
                <numerusform>{name}: %n dot left</numerusform>
                <numerusform>{name}: %n dots left</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Workshop</name>
        <message numerus="yes">
            <source>Round revealed: %n card(s) turned over</source>
            <translation>
                <numerusform>Round revealed: %n card turned over</numerusform>
                <numerusform>Round revealed: %n cards turned over</numerusform>
            </translation>
        </message>
    </context>
</TS>
