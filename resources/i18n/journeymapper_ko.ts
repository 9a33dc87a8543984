<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
    <context>
        <name>CanvasMenu</name>
        <message>
            <source>Add action here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add card of kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add emotion here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add goal / KPI here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add lane above…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add lane below…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add note here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add opportunity here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add pain point here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add persona</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add persona here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add stage after…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add stage before…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add thought here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add touchpoint here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cut</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit lane…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link to…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move right</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove lane</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rename</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show in inspector</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>Journey maps (*.jmap);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open journey map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save journey map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save them before closing?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save them before opening another map?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save them before starting a new map?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{name}” has unsaved changes.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentFiles</name>
        <message>
            <source>&amp;{number} {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear recent maps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not create the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not open the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map partially loaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No recent maps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opened {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Untitled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} is in the older format version {version}; saving it writes the current format</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{name} was partially loaded: %n problem(s) repaired. Saving writes the repaired map.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>{name}: cannot open this file here (expected a {suffix} map)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: no such file (removed from the recent maps)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a font</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export &amp;PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Font</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Labelled in {language}, the map's language (Map properties)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Latest wave</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No installed font has every character of this map: {font}. Choose a font that has them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not exported: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only the map (no cover, personas, tables)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the PDF when done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orientation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Page size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scores</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set in {font}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stage badges and score tables show waves up to this one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TrueType fonts (*.ttf *.ttc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning: {problem}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Writing {name}…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Wrote %n page(s) to {path} ({layout}), set in {font}.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>automatic: a font that has every character of the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>choose where to save the PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>landscape</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>map on %n tile(s) plus an overview</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>map on one page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>portrait</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportThread</name>
        <message>
            <source>could not export the PDF: {error}: {reason}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FieldForm</name>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick a colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YYYY-MM-DD (empty: none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{label}:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{label}: {text!r} is not a colour; expected #rrggbb</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{label}: {text!r} is not a date; expected YYYY-MM-DD, e.g. 2026-11-30, or empty</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Close (Esc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next match (Enter, F3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous match (Shift+F3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{number} of {count}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message numerus="yes">
            <source>%n element(s) selected</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Lane · %n card(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Links:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map properties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>persona strip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{kind} · stage {number} of {count}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{kind} · {stage} / {lane}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{link} → {other}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>← {link} {other}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LaneDialog</name>
        <message>
            <source>Lane</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New cards are:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LaneForm</name>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New cards are:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainToolBar</name>
        <message>
            <source>Add card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add lane</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fit map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Main toolbar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To link two cards, drag from the small handle on a card's right edge and drop on the other card (or on a stage header)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;About journeymapper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Actual size (100%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Fit map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Panels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;opened map&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About journeymapper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add persona</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>D&amp;uplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>F&amp;ull screen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find &amp;next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find &amp;previous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inspector</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Personas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scores</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select something to zoom to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to &amp;selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>journeymapper {version}
Customer journey maps for workshops, survey reviews and stakeholder reports.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{kind} {field}: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}[*] — journeymapper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{percent}%</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MapActions</name>
        <message>
            <source>&amp;Edit lane…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Rename stage…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;card	N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;lane…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;stage…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a stage first: cards sit in a stage column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add card of &amp;kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add lane</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map &amp;properties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move lane &amp;down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move lane &amp;up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move stage &amp;left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move stage r&amp;ight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name of the new stage:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove lane</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Remove lane '{name}' and its %n card(s)?</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Remove stage</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Remove stage '{name}' and its %n card(s)?</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Rename stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a lane (its header, or a card in it) first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a stage (or a card in its column) first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stage name:</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{done} with %n card(s); Ctrl+Z brings it back</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>PersonasPanel</name>
        <message>
            <source>(unnamed persona)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add persona</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All personas (no filter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Highlight:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} — {about}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} — {role}, {segment}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlanTask</name>
        <message>
            <source>could not read the survey: {error}: {reason}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScoresChart</name>
        <message>
            <source>No survey scores yet. Import a survey export with File &gt; Import survey...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>n={n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>n={n} &lt;{low}!</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{metric} · {touchpoint}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title}  (up = easier)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScoresPanel</name>
        <message>
            <source>A wave named “{name}” exists already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete wave</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Deleted wave “{name}” and its %n score(s) (undo brings them back).</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Rename</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waves (oldest first):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>new wave label</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StageLinkItem</name>
        <message>
            <source>{source} leads to {target}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{source} loops back to {target}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SurveyImportDialog</name>
        <message numerus="yes">
            <source>%n header row(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n quote(s) will be added to the thought lane.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n response(s) → wave “{wave}”.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>1 = very easy (lower is better)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>7 = very easy (higher is better)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>; </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;{file}&lt;/b&gt; — {layout}, {rows}, {encoding}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Answers (first rows)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Answers to map (counted as skipped until given a number)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CES (1-7)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CES scale:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSAT (1-5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel reading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a metric and a stage for at least one column.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns: choose a metric and a stage for each to import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import &amp;survey…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import survey</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mean 0-10</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mean 1-10</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mean 1-5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Metric</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>NPS (0-10)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No file chosen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quotes (open answers)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading answers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading cancelled; change a choice to read again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scores this import makes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Survey exports (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This wave exists: scores of the same stage and metric are replaced.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wave label:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>give them a number under “Answers to map”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>higher is better</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>low confidence (n &lt; 30)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>lower is better</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mapped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>n</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sheet “{sheet}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}: cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{promoters} promoters, {passives} passives, {detractors} detractors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{stage} › {touchpoint}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>— choose a stage —</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>— not imported —</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TemplateDialog</name>
        <message>
            <source>Map title:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New journey map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start from a template:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the template's title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title} ({language})
    {stages}</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
