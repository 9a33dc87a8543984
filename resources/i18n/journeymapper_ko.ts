<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
    <context>
        <name>ActionBoard</name>
        <message numerus="yes">
            <source>%n action(s)</source>
            <translation>
                <numerusform>실행 항목 %n개</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n overdue</source>
            <translation>
                <numerusform>기한 지남 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>모든 실행 항목</translation>
        </message>
        <message>
            <source>Owner: {name}</source>
            <translation>담당: {name}</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>보기:</translation>
        </message>
        <message>
            <source>Team: {name}</source>
            <translation>팀: {name}</translation>
        </message>
        <message>
            <source>addresses: {pains}</source>
            <translation>해결: {pains}</translation>
        </message>
        <message>
            <source>due {date}</source>
            <translation>마감 {date}</translation>
        </message>
        <message>
            <source>due {date} · OVERDUE</source>
            <translation>마감 {date} · 기한 지남</translation>
        </message>
        <message>
            <source>no owner</source>
            <translation>담당 없음</translation>
        </message>
        <message>
            <source>{actions} · {overdue}</source>
            <translation>{actions} · {overdue}</translation>
        </message>
        <message>
            <source>{status}  ({n})</source>
            <translation>{status}  ({n})</translation>
        </message>
        <message>
            <source>▲ {votes} · impact {impact} · effort {effort}</source>
            <translation>▲ {votes} · 효과 {impact} · 노력 {effort}</translation>
        </message>
    </context>
    <context>
        <name>Autosaver</name>
        <message>
            <source>Autosave failed: {reason}</source>
            <translation>자동 저장 실패: {reason}</translation>
        </message>
    </context>
    <context>
        <name>CanvasMenu</name>
        <message>
            <source>Add action here</source>
            <translation>여기에 행동 추가</translation>
        </message>
        <message>
            <source>Add card of kind</source>
            <translation>종류를 골라 카드 추가</translation>
        </message>
        <message>
            <source>Add emotion here</source>
            <translation>여기에 감정 추가</translation>
        </message>
        <message>
            <source>Add goal / KPI here</source>
            <translation>여기에 목표 / KPI 추가</translation>
        </message>
        <message>
            <source>Add lane above…</source>
            <translation>위에 레인 추가…</translation>
        </message>
        <message>
            <source>Add lane below…</source>
            <translation>아래에 레인 추가…</translation>
        </message>
        <message>
            <source>Add note here</source>
            <translation>여기에 메모 추가</translation>
        </message>
        <message>
            <source>Add opportunity here</source>
            <translation>여기에 개선 기회 추가</translation>
        </message>
        <message>
            <source>Add pain point here</source>
            <translation>여기에 불편 사항 추가</translation>
        </message>
        <message>
            <source>Add persona</source>
            <translation>페르소나 추가</translation>
        </message>
        <message>
            <source>Add persona here</source>
            <translation>여기에 페르소나 추가</translation>
        </message>
        <message>
            <source>Add stage after…</source>
            <translation>뒤에 단계 추가…</translation>
        </message>
        <message>
            <source>Add stage before…</source>
            <translation>앞에 단계 추가…</translation>
        </message>
        <message>
            <source>Add thought here</source>
            <translation>여기에 생각 추가</translation>
        </message>
        <message>
            <source>Add touchpoint here</source>
            <translation>여기에 접점 추가</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>복사</translation>
        </message>
        <message>
            <source>Cut</source>
            <translation>잘라내기</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>삭제</translation>
        </message>
        <message>
            <source>Delete link</source>
            <translation>연결 삭제</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>복제</translation>
        </message>
        <message>
            <source>Edit lane…</source>
            <translation>레인 편집…</translation>
        </message>
        <message>
            <source>Edit text</source>
            <translation>텍스트 편집</translation>
        </message>
        <message>
            <source>Link to…</source>
            <translation>연결하기…</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>아래로 이동</translation>
        </message>
        <message>
            <source>Move left</source>
            <translation>왼쪽으로 이동</translation>
        </message>
        <message>
            <source>Move right</source>
            <translation>오른쪽으로 이동</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>위로 이동</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>붙여넣기</translation>
        </message>
        <message>
            <source>Remove lane</source>
            <translation>레인 삭제</translation>
        </message>
        <message>
            <source>Remove stage</source>
            <translation>단계 삭제</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>이름 바꾸기</translation>
        </message>
        <message>
            <source>Show in inspector</source>
            <translation>속성 패널에서 보기</translation>
        </message>
    </context>
    <context>
        <name>Capture</name>
        <message>
            <source>Add a stage and a lane first</source>
            <translation>먼저 단계와 레인을 추가하세요</translation>
        </message>
        <message>
            <source>Card lists (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
            <translation>카드 목록 (*.csv *.tsv *.txt *.xlsx);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Cards dropped into a lane of another kind take its kind ({kinds})?

Asked once: Map &gt; Dropped Cards Take the Lane's Kind changes it.</source>
            <translation>다른 종류의 레인에 놓은 카드를 그 레인의 종류({kinds})로 바꿀까요?

한 번만 묻습니다. 지도 &gt; 놓은 카드가 레인의 종류를 따름에서 바꿀 수 있습니다.</translation>
        </message>
        <message>
            <source>Change &amp;Kind</source>
            <translation>종류 바꾸기(&amp;K)</translation>
        </message>
        <message>
            <source>Dropped Cards Take the Lane's Kind</source>
            <translation>놓은 카드가 레인의 종류를 따름</translation>
        </message>
        <message>
            <source>Import &amp;Cards…</source>
            <translation>카드 가져오기(&amp;C)…</translation>
        </message>
        <message>
            <source>Import cards</source>
            <translation>카드 가져오기</translation>
        </message>
        <message>
            <source>One card per line, into the lane:</source>
            <translation>한 줄에 카드 하나씩, 넣을 레인:</translation>
        </message>
        <message>
            <source>Paste List into Lane…</source>
            <translation>목록을 레인에 붙여넣기…</translation>
        </message>
        <message>
            <source>Paste List into This Lane</source>
            <translation>목록을 이 레인에 붙여넣기</translation>
        </message>
        <message>
            <source>Paste list into lane</source>
            <translation>목록을 레인에 붙여넣기</translation>
        </message>
        <message>
            <source>Select a card to change its kind</source>
            <translation>종류를 바꿀 카드를 선택하세요</translation>
        </message>
        <message numerus="yes">
            <source>{file} names %n stage(s) this map does not have: {names}. Add them at the end?</source>
            <translation>
                <numerusform>{file}에 이 지도에 없는 단계 %n개가 있습니다: {names}. 끝에 추가할까요?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CardItem</name>
        <message numerus="yes">
            <source>%n vote(s)</source>
            <translation>
                <numerusform>%n표</numerusform>
            </translation>
        </message>
        <message>
            <source>due {date}</source>
            <translation>마감 {date}</translation>
        </message>
    </context>
    <context>
        <name>ChangesPanel</name>
        <message>
            <source>Added</source>
            <translation>추가됨</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>변경됨</translation>
        </message>
        <message numerus="yes">
            <source>Compared with {label}: %n change(s)</source>
            <translation>
                <numerusform>{label}과(와) 비교: 변경 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>Done since</source>
            <translation>그 뒤 완료</translation>
        </message>
        <message>
            <source>Leave comparison (Esc)</source>
            <translation>비교 끝내기 (Esc)</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>연결</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>이동됨</translation>
        </message>
        <message>
            <source>Not comparing. Map &gt; Compare with… shows what changed since a file, the backup, the last review or a git revision.</source>
            <translation>비교하고 있지 않습니다. 지도 &gt; 비교 대상…에서 파일, 백업, 지난 리뷰, git 리비전 이후 바뀐 것을 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>기한 지남</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>삭제됨</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>점수</translation>
        </message>
        <message>
            <source>Stages and lanes</source>
            <translation>단계와 레인</translation>
        </message>
        <message>
            <source>lane “{name}” added</source>
            <translation>레인 “{name}” 추가</translation>
        </message>
        <message>
            <source>lane “{name}” moved</source>
            <translation>레인 “{name}” 이동</translation>
        </message>
        <message>
            <source>lane “{name}” removed</source>
            <translation>레인 “{name}” 삭제</translation>
        </message>
        <message>
            <source>lane “{old}” renamed “{new}”</source>
            <translation>레인 “{old}”의 이름이 “{new}”(으)로 바뀜</translation>
        </message>
        <message>
            <source>stage “{name}”</source>
            <translation>단계 “{name}”</translation>
        </message>
        <message>
            <source>the persona strip</source>
            <translation>페르소나 줄</translation>
        </message>
        <message>
            <source>{card}: from {old} to {new}</source>
            <translation>{card}: {old}에서 {new}(으)로</translation>
        </message>
        <message>
            <source>{card}: {changes}</source>
            <translation>{card}: {changes}</translation>
        </message>
        <message>
            <source>{field} {old} → {new}</source>
            <translation>{field} {old} → {new}</translation>
        </message>
        <message>
            <source>{kind} {text}</source>
            <translation>{kind} {text}</translation>
        </message>
        <message>
            <source>{stage} {metric} {wave}: {old} → {new}</source>
            <translation>{stage} {metric} {wave}: {old} → {new}</translation>
        </message>
        <message>
            <source>{text} (due {due}, {owner})</source>
            <translation>{text} (마감 {due}, {owner})</translation>
        </message>
        <message>
            <source>“{name}” moved to place {n}</source>
            <translation>“{name}”이(가) {n}번째로 이동</translation>
        </message>
        <message>
            <source>“{name}”: {fields}</source>
            <translation>“{name}”: {fields}</translation>
        </message>
        <message>
            <source>“{old}” renamed “{new}”</source>
            <translation>“{old}”의 이름이 “{new}”(으)로 바뀜</translation>
        </message>
        <message>
            <source>“{source}” {link} “{target}”</source>
            <translation>“{source}” {link} “{target}”</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… 외 %n개</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message numerus="yes">
            <source>%n card(s)</source>
            <translation>
                <numerusform>카드 %n장</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stage(s)</source>
            <translation>
                <numerusform>%n단계</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Add %n card(s)</source>
            <translation>
                <numerusform>카드 %n장 추가</numerusform>
            </translation>
        </message>
        <message>
            <source>Add lane “{name}”</source>
            <translation>레인 “{name}” 추가</translation>
        </message>
        <message>
            <source>Add link</source>
            <translation>연결 추가</translation>
        </message>
        <message>
            <source>Add stage “{name}”</source>
            <translation>단계 “{name}” 추가</translation>
        </message>
        <message>
            <source>Add {kind}</source>
            <translation>{kind} 추가</translation>
        </message>
        <message>
            <source>Add {kind} {card}</source>
            <translation>{kind} 추가 {card}</translation>
        </message>
        <message>
            <source>Cannot link: {reason}</source>
            <translation>연결할 수 없습니다: {reason}</translation>
        </message>
        <message numerus="yes">
            <source>Change %n card(s) to {kind}</source>
            <translation>
                <numerusform>카드 %n장을 {kind}(으)로 바꾸기</numerusform>
            </translation>
        </message>
        <message>
            <source>Change {card} to {kind}</source>
            <translation>{card}을(를) {kind}(으)로 바꾸기</translation>
        </message>
        <message>
            <source>Delete vote “{question}”</source>
            <translation>투표 “{question}” 삭제</translation>
        </message>
        <message>
            <source>Delete wave {wave}</source>
            <translation>차수 {wave} 삭제</translation>
        </message>
        <message>
            <source>Dot on {card}</source>
            <translation>{card}에 도트</translation>
        </message>
        <message numerus="yes">
            <source>Duplicate %n card(s)</source>
            <translation>
                <numerusform>카드 %n장 복제</numerusform>
            </translation>
        </message>
        <message>
            <source>Edit map authors</source>
            <translation>지도 작성자 편집</translation>
        </message>
        <message>
            <source>Edit map date</source>
            <translation>지도 작성일 편집</translation>
        </message>
        <message>
            <source>Edit map description</source>
            <translation>지도 설명 편집</translation>
        </message>
        <message>
            <source>Edit map language</source>
            <translation>지도 언어 편집</translation>
        </message>
        <message>
            <source>Edit map properties</source>
            <translation>지도 속성 편집</translation>
        </message>
        <message>
            <source>Edit map title</source>
            <translation>지도 제목 편집</translation>
        </message>
        <message>
            <source>Edit text of {card}</source>
            <translation>{card} 내용 편집</translation>
        </message>
        <message>
            <source>Edit version note</source>
            <translation>버전 메모 편집</translation>
        </message>
        <message>
            <source>Edit {card}: {field}</source>
            <translation>{card} 편집: {field}</translation>
        </message>
        <message numerus="yes">
            <source>Import %n card(s)</source>
            <translation>
                <numerusform>카드 %n장 가져오기</numerusform>
            </translation>
        </message>
        <message>
            <source>Import survey into wave {wave}</source>
            <translation>설문을 차수 {wave}(으)로 가져오기</translation>
        </message>
        <message>
            <source>Lane “{name}” holds {kind}</source>
            <translation>레인 “{name}”의 카드 종류: {kind}</translation>
        </message>
        <message>
            <source>Link: {kind}</source>
            <translation>연결: {kind}</translation>
        </message>
        <message numerus="yes">
            <source>Lock %n item(s)</source>
            <translation>
                <numerusform>항목 %n개 잠금</numerusform>
            </translation>
        </message>
        <message>
            <source>Lock {name}</source>
            <translation>{name} 잠금</translation>
        </message>
        <message>
            <source>Mark review of {date}</source>
            <translation>{date} 리뷰 기록</translation>
        </message>
        <message numerus="yes">
            <source>Move %n card(s)</source>
            <translation>
                <numerusform>카드 %n장 이동</numerusform>
            </translation>
        </message>
        <message>
            <source>Move lane “{name}”</source>
            <translation>레인 “{name}” 이동</translation>
        </message>
        <message>
            <source>Move stage “{name}”</source>
            <translation>단계 “{name}” 이동</translation>
        </message>
        <message>
            <source>Move {card}</source>
            <translation>{card} 이동</translation>
        </message>
        <message>
            <source>Move {card} to {status}</source>
            <translation>{card}을(를) {status}(으)로 옮기기</translation>
        </message>
        <message numerus="yes">
            <source>Paste %n card(s)</source>
            <translation>
                <numerusform>카드 %n장 붙여넣기</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove %n card(s)</source>
            <translation>
                <numerusform>카드 %n장 삭제</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove %n link(s)</source>
            <translation>
                <numerusform>연결 %n개 삭제</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove %n stage(s)</source>
            <translation>
                <numerusform>%n단계 삭제</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove lane</source>
            <translation>레인 삭제</translation>
        </message>
        <message>
            <source>Remove lane “{name}”</source>
            <translation>레인 “{name}” 삭제</translation>
        </message>
        <message>
            <source>Remove link</source>
            <translation>연결 삭제</translation>
        </message>
        <message>
            <source>Remove nothing</source>
            <translation>삭제할 것 없음</translation>
        </message>
        <message>
            <source>Remove stage “{name}”</source>
            <translation>단계 “{name}” 삭제</translation>
        </message>
        <message>
            <source>Remove {card}</source>
            <translation>{card} 삭제</translation>
        </message>
        <message>
            <source>Remove {stages} and {cards}</source>
            <translation>{stages}와(과) {cards} 삭제</translation>
        </message>
        <message>
            <source>Rename lane “{name}”</source>
            <translation>레인 “{name}” 이름 바꾸기</translation>
        </message>
        <message>
            <source>Rename stage {card}</source>
            <translation>단계 {card} 이름 바꾸기</translation>
        </message>
        <message>
            <source>Rename wave {old} to {new}</source>
            <translation>차수 {old} 이름을 {new}(으)로 바꾸기</translation>
        </message>
        <message numerus="yes">
            <source>Reveal the round (%n card(s))</source>
            <translation>
                <numerusform>라운드 공개 (카드 %n장)</numerusform>
            </translation>
        </message>
        <message>
            <source>Reveal vote “{question}”</source>
            <translation>투표 “{question}” 공개</translation>
        </message>
        <message>
            <source>Start silent brainstorm</source>
            <translation>조용한 브레인스토밍 시작</translation>
        </message>
        <message>
            <source>Start vote “{question}”</source>
            <translation>투표 “{question}” 시작</translation>
        </message>
        <message>
            <source>Take a dot off {card}</source>
            <translation>{card}에서 도트 떼기</translation>
        </message>
        <message numerus="yes">
            <source>Unlock %n item(s)</source>
            <translation>
                <numerusform>항목 %n개 잠금 해제</numerusform>
            </translation>
        </message>
        <message>
            <source>Unlock {name}</source>
            <translation>{name} 잠금 해제</translation>
        </message>
        <message>
            <source>dot vote</source>
            <translation>도트 투표</translation>
        </message>
        <message>
            <source>{what} from {source}</source>
            <translation>{source}에서 {what}</translation>
        </message>
    </context>
    <context>
        <name>CompareController</name>
        <message>
            <source>CHANGED</source>
            <translation>변경</translation>
        </message>
        <message>
            <source>MOVED</source>
            <translation>이동</translation>
        </message>
        <message>
            <source>MOVED from {place}</source>
            <translation>{place}에서 이동</translation>
        </message>
        <message>
            <source>NEW</source>
            <translation>새 카드</translation>
        </message>
        <message>
            <source>REMOVED</source>
            <translation>삭제</translation>
        </message>
        <message>
            <source>RENAMED from {name}</source>
            <translation>이전 이름 {name}</translation>
        </message>
        <message>
            <source>the persona strip</source>
            <translation>페르소나 줄</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>Journey maps (*.jmap);;All files (*)</source>
            <translation>여정 지도 (*.jmap);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Note colour</source>
            <translation>메모 색상</translation>
        </message>
        <message>
            <source>Open journey map</source>
            <translation>여정 지도 열기</translation>
        </message>
        <message>
            <source>Save journey map</source>
            <translation>여정 지도 저장</translation>
        </message>
        <message>
            <source>Save them before closing?</source>
            <translation>닫기 전에 저장할까요?</translation>
        </message>
        <message>
            <source>Save them before opening another map?</source>
            <translation>다른 지도를 열기 전에 저장할까요?</translation>
        </message>
        <message>
            <source>Save them before starting a new map?</source>
            <translation>새 지도를 시작하기 전에 저장할까요?</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>저장하지 않은 변경 사항</translation>
        </message>
        <message>
            <source>“{name}” has unsaved changes.</source>
            <translation>“{name}”에 저장하지 않은 변경 사항이 있습니다.</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… 외 %n개</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocumentFiles</name>
        <message>
            <source>&amp;{number} {name}</source>
            <translation>&amp;{number} {name}</translation>
        </message>
        <message>
            <source>Clear recent maps</source>
            <translation>최근 지도 목록 지우기</translation>
        </message>
        <message>
            <source>Could not create the map</source>
            <translation>지도를 만들 수 없습니다</translation>
        </message>
        <message>
            <source>Could not open the map</source>
            <translation>지도를 열 수 없습니다</translation>
        </message>
        <message>
            <source>Could not save the map</source>
            <translation>지도를 저장할 수 없습니다</translation>
        </message>
        <message>
            <source>Map partially loaded</source>
            <translation>지도 일부만 불러옴</translation>
        </message>
        <message>
            <source>No recent maps</source>
            <translation>최근 지도 없음</translation>
        </message>
        <message>
            <source>Opened {path}</source>
            <translation>{path}을(를) 열었습니다</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>{path}에 저장했습니다</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
        <message>
            <source>{name} is in the older format version {version}; saving it writes the current format</source>
            <translation>{name}은(는) 이전 파일 형식(버전 {version})입니다. 저장하면 현재 형식으로 기록됩니다</translation>
        </message>
        <message numerus="yes">
            <source>{name} was partially loaded: %n problem(s) repaired. Saving writes the repaired map.</source>
            <translation>
                <numerusform>{name}을(를) 일부만 불러왔습니다. 문제 %n건을 고쳤습니다. 저장하면 고친 지도가 기록됩니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>{name}: cannot open this file here (expected a {suffix} map)</source>
            <translation>{name}: 여기서 열 수 없는 파일입니다 ({suffix} 지도 파일이 필요합니다)</translation>
        </message>
        <message>
            <source>{path}: no such file (removed from the recent maps)</source>
            <translation>{path}: 파일이 없습니다 (최근 지도 목록에서 뺐습니다)</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Browse…</source>
            <translation>찾아보기…</translation>
        </message>
        <message>
            <source>Choose a font</source>
            <translation>글꼴 선택</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>선택…</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <source>Export &amp;PDF…</source>
            <translation>PDF로 내보내기(&amp;P)…</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>PDF 내보내기</translation>
        </message>
        <message>
            <source>Font</source>
            <translation>글꼴</translation>
        </message>
        <message>
            <source>Labelled in {language}, the map's language (Map properties)</source>
            <translation>지도 언어인 {language}(으)로 표기 (지도 속성에서 변경)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>언어</translation>
        </message>
        <message>
            <source>Latest wave</source>
            <translation>최신 차수</translation>
        </message>
        <message>
            <source>Map pages</source>
            <translation>지도 쪽</translation>
        </message>
        <message>
            <source>No installed font has every character of this map: {font}. Choose a font that has them.</source>
            <translation>이 지도의 모든 글자를 가진 글꼴이 설치되어 있지 않습니다: {font}. 해당 글자가 있는 글꼴을 선택하세요.</translation>
        </message>
        <message>
            <source>Not exported: {reason}</source>
            <translation>내보내지 못했습니다: {reason}</translation>
        </message>
        <message>
            <source>One poster page, the size the map needs</source>
            <translation>포스터 한 쪽, 지도에 필요한 크기</translation>
        </message>
        <message>
            <source>One poster page, {size}</source>
            <translation>포스터 한 쪽, {size}</translation>
        </message>
        <message>
            <source>Only the map (no cover, personas, tables)</source>
            <translation>지도만 (표지, 페르소나, 표 제외)</translation>
        </message>
        <message>
            <source>Open the PDF when done</source>
            <translation>완료되면 PDF 열기</translation>
        </message>
        <message>
            <source>Orientation</source>
            <translation>방향</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF 문서 (*.pdf)</translation>
        </message>
        <message>
            <source>Page size</source>
            <translation>용지 크기</translation>
        </message>
        <message>
            <source>Save as</source>
            <translation>저장 위치</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>점수</translation>
        </message>
        <message>
            <source>Set in {font}.</source>
            <translation>{font} 글꼴로 조판합니다.</translation>
        </message>
        <message>
            <source>Stage badges and score tables show waves up to this one</source>
            <translation>단계 배지와 점수 표에 이 차수까지 표시합니다</translation>
        </message>
        <message>
            <source>Tiles on the page size above</source>
            <translation>위의 용지 크기로 나눈 조각</translation>
        </message>
        <message>
            <source>TrueType fonts (*.ttf *.ttc)</source>
            <translation>트루타입 글꼴 (*.ttf *.ttc)</translation>
        </message>
        <message>
            <source>Warning: {problem}.</source>
            <translation>경고: {problem}.</translation>
        </message>
        <message>
            <source>Writing {name}…</source>
            <translation>{name} 쓰는 중…</translation>
        </message>
        <message numerus="yes">
            <source>Wrote %n page(s) to {path} ({layout}), set in {font}.</source>
            <translation>
                <numerusform>{path}에 %n쪽을 썼습니다 ({layout}, {font} 글꼴).</numerusform>
            </translation>
        </message>
        <message>
            <source>auto</source>
            <translation>자동</translation>
        </message>
        <message>
            <source>automatic: a font that has every character of the map</source>
            <translation>자동: 지도의 모든 글자를 가진 글꼴</translation>
        </message>
        <message>
            <source>choose where to save the PDF</source>
            <translation>PDF를 저장할 위치를 선택하세요</translation>
        </message>
        <message>
            <source>landscape</source>
            <translation>가로</translation>
        </message>
        <message>
            <source>portrait</source>
            <translation>세로</translation>
        </message>
        <message numerus="yes">
            <source>the map on %n page(s)</source>
            <translation>
                <numerusform>지도는 %n쪽에</numerusform>
            </translation>
        </message>
        <message>
            <source>the map on one page</source>
            <translation>지도는 한 쪽에</translation>
        </message>
    </context>
    <context>
        <name>ExportThread</name>
        <message>
            <source>could not export the PDF: {error}: {reason}</source>
            <translation>PDF를 내보내지 못했습니다: {error}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>FieldForm</name>
        <message>
            <source>Add</source>
            <translation>추가</translation>
        </message>
        <message>
            <source>Pick a colour</source>
            <translation>색상 선택</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>삭제</translation>
        </message>
        <message>
            <source>YYYY-MM-DD (empty: none)</source>
            <translation>YYYY-MM-DD (비우면 없음)</translation>
        </message>
        <message>
            <source>{label}:</source>
            <translation>{label}:</translation>
        </message>
        <message>
            <source>{label}: {text!r} is not a colour; expected #rrggbb</source>
            <translation>{label}: {text!r}은(는) 색상이 아닙니다. #rrggbb 형식으로 입력하세요</translation>
        </message>
        <message>
            <source>{label}: {text!r} is not a date; expected YYYY-MM-DD, e.g. 2026-11-30, or empty</source>
            <translation>{label}: {text!r}은(는) 날짜가 아닙니다. YYYY-MM-DD 형식(예: 2026-11-30)으로 입력하거나 비워 두세요</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Close (Esc)</source>
            <translation>닫기 (Esc)</translation>
        </message>
        <message>
            <source>Find on the map</source>
            <translation>지도에서 찾기</translation>
        </message>
        <message>
            <source>Find:</source>
            <translation>찾기:</translation>
        </message>
        <message>
            <source>Next match (Enter, F3)</source>
            <translation>다음 결과 (Enter, F3)</translation>
        </message>
        <message>
            <source>Previous match (Shift+F3)</source>
            <translation>이전 결과 (Shift+F3)</translation>
        </message>
        <message>
            <source>no matches</source>
            <translation>결과 없음</translation>
        </message>
        <message>
            <source>{number} of {count}</source>
            <translation>{count}개 중 {number}번째</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message numerus="yes">
            <source>%n element(s) selected</source>
            <translation>
                <numerusform>요소 %n개 선택됨</numerusform>
            </translation>
        </message>
        <message>
            <source>Hidden until the round is revealed</source>
            <translation>라운드를 공개할 때까지 숨김</translation>
        </message>
        <message numerus="yes">
            <source>Lane · %n card(s)</source>
            <translation>
                <numerusform>레인 · 카드 %n장</numerusform>
            </translation>
        </message>
        <message>
            <source>Links:</source>
            <translation>연결:</translation>
        </message>
        <message>
            <source>Map properties</source>
            <translation>지도 속성</translation>
        </message>
        <message>
            <source>No map</source>
            <translation>지도 없음</translation>
        </message>
        <message>
            <source>persona strip</source>
            <translation>페르소나 영역</translation>
        </message>
        <message>
            <source>{kind} · stage {number} of {count}</source>
            <translation>{kind} · 전체 {count}단계 중 {number}단계</translation>
        </message>
        <message>
            <source>{kind} · {stage} / {lane}</source>
            <translation>{kind} · {stage} / {lane}</translation>
        </message>
        <message>
            <source>{link} → {other}</source>
            <translation>{link} → {other}</translation>
        </message>
        <message>
            <source>← {link} {other}</source>
            <translation>← {link} {other}</translation>
        </message>
    </context>
    <context>
        <name>LaneDialog</name>
        <message>
            <source>Lane</source>
            <translation>레인</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>이름:</translation>
        </message>
        <message>
            <source>New cards are:</source>
            <translation>새 카드 종류:</translation>
        </message>
    </context>
    <context>
        <name>LaneForm</name>
        <message>
            <source>Name:</source>
            <translation>이름:</translation>
        </message>
        <message>
            <source>New cards are:</source>
            <translation>새 카드 종류:</translation>
        </message>
    </context>
    <context>
        <name>MainToolBar</name>
        <message>
            <source>Add card</source>
            <translation>카드 추가</translation>
        </message>
        <message>
            <source>Add lane</source>
            <translation>레인 추가</translation>
        </message>
        <message>
            <source>Add stage</source>
            <translation>단계 추가</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>찾기</translation>
        </message>
        <message>
            <source>Fit map</source>
            <translation>전체 보기</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>연결</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>기본 도구 모음</translation>
        </message>
        <message>
            <source>New</source>
            <translation>새로 만들기</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>열기</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>다시 실행</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>저장</translation>
        </message>
        <message>
            <source>Selection</source>
            <translation>선택 영역</translation>
        </message>
        <message>
            <source>To link two cards, drag from the small handle on a card's right edge and drop on the other card (or on a stage header)</source>
            <translation>두 카드를 연결하려면 카드 오른쪽 가장자리의 작은 손잡이를 끌어 다른 카드(또는 단계 머리글)에 놓으세요</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>실행 취소</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;About journeymapper</source>
            <translation>journeymapper 정보(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Actual size (100%)</source>
            <translation>실제 크기(&amp;A) (100%)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>복사(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>삭제(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>편집(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>찾기(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Fit map</source>
            <translation>전체 보기(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>언어(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Map</source>
            <translation>지도(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;New…</source>
            <translation>새로 만들기(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>열기(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Panels</source>
            <translation>패널(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>붙여넣기(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>다시 실행(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>저장(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>실행 취소(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <source>&lt;opened map&gt;</source>
            <translation>&lt;연 지도&gt;</translation>
        </message>
        <message>
            <source>About journeymapper</source>
            <translation>journeymapper 정보</translation>
        </message>
        <message>
            <source>Add persona</source>
            <translation>페르소나 추가</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>잘라내기(&amp;T)</translation>
        </message>
        <message>
            <source>D&amp;uplicate</source>
            <translation>복제(&amp;U)</translation>
        </message>
        <message>
            <source>F&amp;ull screen</source>
            <translation>전체 화면(&amp;U)</translation>
        </message>
        <message>
            <source>Find &amp;next</source>
            <translation>다음 찾기(&amp;N)</translation>
        </message>
        <message>
            <source>Find &amp;previous</source>
            <translation>이전 찾기(&amp;P)</translation>
        </message>
        <message>
            <source>History</source>
            <translation>기록</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>속성</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>최근 지도 열기(&amp;R)</translation>
        </message>
        <message>
            <source>Personas</source>
            <translation>페르소나</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>다른 이름으로 저장(&amp;A)…</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>점수</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>모두 선택(&amp;A)</translation>
        </message>
        <message>
            <source>Select something to zoom to</source>
            <translation>확대할 대상을 먼저 선택하세요</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>확대(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>축소(&amp;O)</translation>
        </message>
        <message>
            <source>Zoom to &amp;selection</source>
            <translation>선택 영역 확대(&amp;S)</translation>
        </message>
        <message>
            <source>journeymapper {version}
Customer journey maps for workshops, survey reviews and stakeholder reports.</source>
            <translation>journeymapper {version}
워크숍, 설문 리뷰, 이해관계자 보고를 위한 고객 여정 지도.</translation>
        </message>
        <message>
            <source>{kind} {field}: {problem}</source>
            <translation>{kind} {field}: {problem}</translation>
        </message>
        <message>
            <source>{name}[*] — journeymapper</source>
            <translation>{name}[*] — journeymapper</translation>
        </message>
        <message>
            <source>{percent}%</source>
            <translation>{percent}%</translation>
        </message>
    </context>
    <context>
        <name>MapActions</name>
        <message>
            <source>&amp;Edit lane…</source>
            <translation>레인 편집(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Rename stage…</source>
            <translation>단계 이름 바꾸기(&amp;R)…</translation>
        </message>
        <message>
            <source>Add &amp;card	N</source>
            <translation>카드 추가(&amp;C)	N</translation>
        </message>
        <message>
            <source>Add &amp;lane…</source>
            <translation>레인 추가(&amp;L)…</translation>
        </message>
        <message>
            <source>Add &amp;stage…</source>
            <translation>단계 추가(&amp;S)…</translation>
        </message>
        <message>
            <source>Add a stage first: cards sit in a stage column</source>
            <translation>먼저 단계를 추가하세요. 카드는 단계 열에 놓입니다</translation>
        </message>
        <message>
            <source>Add card</source>
            <translation>카드 추가</translation>
        </message>
        <message>
            <source>Add card of &amp;kind</source>
            <translation>종류를 골라 카드 추가(&amp;K)</translation>
        </message>
        <message>
            <source>Add lane</source>
            <translation>레인 추가</translation>
        </message>
        <message>
            <source>Add stage</source>
            <translation>단계 추가</translation>
        </message>
        <message>
            <source>Map &amp;properties</source>
            <translation>지도 속성(&amp;P)</translation>
        </message>
        <message>
            <source>Move lane &amp;down</source>
            <translation>레인을 아래로(&amp;D)</translation>
        </message>
        <message>
            <source>Move lane &amp;up</source>
            <translation>레인을 위로(&amp;U)</translation>
        </message>
        <message>
            <source>Move stage &amp;left</source>
            <translation>단계를 왼쪽으로(&amp;L)</translation>
        </message>
        <message>
            <source>Move stage r&amp;ight</source>
            <translation>단계를 오른쪽으로(&amp;I)</translation>
        </message>
        <message>
            <source>Name of the new stage:</source>
            <translation>새 단계 이름:</translation>
        </message>
        <message>
            <source>Remove lane</source>
            <translation>레인 삭제</translation>
        </message>
        <message numerus="yes">
            <source>Remove lane '{name}' and its %n card(s)?</source>
            <translation>
                <numerusform>레인 '{name}'과(와) 카드 %n장을 삭제할까요?</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove stage</source>
            <translation>단계 삭제</translation>
        </message>
        <message numerus="yes">
            <source>Remove stage '{name}' and its %n card(s)?</source>
            <translation>
                <numerusform>단계 '{name}'과(와) 카드 %n장을 삭제할까요?</numerusform>
            </translation>
        </message>
        <message>
            <source>Rename stage</source>
            <translation>단계 이름 바꾸기</translation>
        </message>
        <message>
            <source>Select a lane (its header, or a card in it) first</source>
            <translation>먼저 레인(머리글이나 레인 안의 카드)을 선택하세요</translation>
        </message>
        <message>
            <source>Select a stage (or a card in its column) first</source>
            <translation>먼저 단계(또는 그 열의 카드)를 선택하세요</translation>
        </message>
        <message>
            <source>Stage name:</source>
            <translation>단계 이름:</translation>
        </message>
        <message numerus="yes">
            <source>{done} with %n card(s); Ctrl+Z brings it back</source>
            <translation>
                <numerusform>{done}: 카드 %n장 포함. Ctrl+Z로 되돌릴 수 있습니다</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MapEditor</name>
        <message numerus="yes">
            <source>Copied %n card(s)</source>
            <translation>
                <numerusform>카드 %n장을 복사했습니다</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to paste</source>
            <translation>붙여 넣을 것이 없습니다</translation>
        </message>
        <message numerus="yes">
            <source>Remove lane “{name}” and its %n card(s)?</source>
            <translation>
                <numerusform>레인 “{name}”과(와) 카드 %n장을 삭제할까요?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove stage {names} and its %n card(s)?</source>
            <translation>
                <numerusform>단계 {names}과(와) 카드 %n장을 삭제할까요?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove stages {names} and their %n card(s)?</source>
            <translation>
                <numerusform>단계 {names}과(와) 카드 %n장을 삭제할까요?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MouseGestures</name>
        <message>
            <source>Click the card to link {card} to (Esc cancels)</source>
            <translation>{card}을(를) 연결할 카드를 클릭하세요 (Esc로 취소)</translation>
        </message>
        <message>
            <source>Drop the link on a card to connect it</source>
            <translation>연결하려면 카드 위에 놓으세요</translation>
        </message>
        <message>
            <source>Link cancelled</source>
            <translation>연결을 취소했습니다</translation>
        </message>
        <message>
            <source>Link cancelled: click a card or a stage header to link to</source>
            <translation>연결을 취소했습니다: 연결할 카드나 단계 머리글을 클릭하세요</translation>
        </message>
        <message>
            <source>Linked: {link}</source>
            <translation>연결했습니다: {link}</translation>
        </message>
        <message>
            <source>{link} — Delete removes the link</source>
            <translation>{link} — Delete 키로 연결을 삭제합니다</translation>
        </message>
        <message>
            <source>{source} {link} {target}</source>
            <translation>{source} —{link}→ {target}</translation>
        </message>
    </context>
    <context>
        <name>ParticipantsPanel</name>
        <message>
            <source>Not in a session. File &gt; Host session… or Join session…</source>
            <translation>세션에 참여하고 있지 않습니다. 파일 &gt; 세션 열기… 또는 세션 참여…</translation>
        </message>
    </context>
    <context>
        <name>PersonasPanel</name>
        <message>
            <source>(unnamed persona)</source>
            <translation>(이름 없는 페르소나)</translation>
        </message>
        <message>
            <source>Add persona</source>
            <translation>페르소나 추가</translation>
        </message>
        <message>
            <source>All personas (no filter)</source>
            <translation>모든 페르소나 (필터 없음)</translation>
        </message>
        <message>
            <source>Highlight:</source>
            <translation>강조:</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>삭제</translation>
        </message>
        <message>
            <source>{name} — {about}</source>
            <translation>{name} — {about}</translation>
        </message>
        <message>
            <source>{name} — {role}, {segment}</source>
            <translation>{name} — {role}, {segment}</translation>
        </message>
    </context>
    <context>
        <name>PlanTask</name>
        <message>
            <source>could not read the survey: {error}: {reason}</source>
            <translation>설문을 읽지 못했습니다: {error}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>Presentation</name>
        <message>
            <source>&amp;Present</source>
            <translation>발표(&amp;P)</translation>
        </message>
        <message>
            <source>Full screen for the room: stage by stage with Page Down and Page Up; Esc leaves</source>
            <translation>모두가 볼 수 있게 전체 화면으로: Page Down과 Page Up으로 단계별로 넘기고, Esc로 나갑니다</translation>
        </message>
        <message>
            <source>Keep &amp;Headers on Screen</source>
            <translation>머리글을 화면에 고정(&amp;H)</translation>
        </message>
        <message>
            <source>Leave Presentation	Esc</source>
            <translation>발표 끝내기	Esc</translation>
        </message>
        <message>
            <source>Presenting: Page Down / Page Up step through the stages; Esc leaves</source>
            <translation>발표 중: Page Down / Page Up으로 단계를 넘기고, Esc로 나갑니다</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message numerus="yes">
            <source>%n unsaved change(s)</source>
            <translation>
                <numerusform>저장하지 않은 변경 %n건</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>버리기(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>나중에(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Recover</source>
            <translation>복구(&amp;R)</translation>
        </message>
        <message>
            <source>Autosaved {when} · {changes}</source>
            <translation>{when} 자동 저장 · {changes}</translation>
        </message>
        <message>
            <source>Cannot be recovered: {problem}</source>
            <translation>복구할 수 없습니다: {problem}</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>계속</translation>
        </message>
        <message>
            <source>Could not look for maps to recover: {reason}</source>
            <translation>복구할 지도를 찾지 못했습니다: {reason}</translation>
        </message>
        <message>
            <source>Could not recover the map</source>
            <translation>지도를 복구하지 못했습니다</translation>
        </message>
        <message>
            <source>Never saved</source>
            <translation>저장한 적 없음</translation>
        </message>
        <message>
            <source>Recover unsaved maps</source>
            <translation>저장하지 않은 지도 복구</translation>
        </message>
        <message>
            <source>Recovered {name} as autosaved {when}; save it to keep it</source>
            <translation>{when}에 자동 저장된 {name}을(를) 복구했습니다. 남기려면 저장하세요</translation>
        </message>
        <message>
            <source>Saved as {path}</source>
            <translation>{path}(으)로 저장됨</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
        <message>
            <source>Untitled ({title})</source>
            <translation>제목 없음 ({title})</translation>
        </message>
        <message numerus="yes">
            <source>journeymapper did not close normally. %n map(s) had changes that were not saved:</source>
            <translation>
                <numerusform>journeymapper가 정상적으로 종료되지 않았습니다. 지도 %n개에 저장하지 않은 변경 사항이 있었습니다:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>&amp;File…</source>
            <translation>파일(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Leave comparison</source>
            <translation>비교 끝내기(&amp;L)</translation>
        </message>
        <message>
            <source>A &amp;git revision…</source>
            <translation>git 리비전(&amp;G)…</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>실행 항목</translation>
        </message>
        <message>
            <source>Cannot compare</source>
            <translation>비교할 수 없습니다</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>변경 사항</translation>
        </message>
        <message>
            <source>Compare &amp;with</source>
            <translation>비교 대상(&amp;W)</translation>
        </message>
        <message>
            <source>Compare with a git revision</source>
            <translation>git 리비전과 비교</translation>
        </message>
        <message>
            <source>Comparing with {what}</source>
            <translation>{what}과(와) 비교 중</translation>
        </message>
        <message>
            <source>Comparison closed</source>
            <translation>비교를 끝냈습니다</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>날짜:</translation>
        </message>
        <message>
            <source>Mark re&amp;view…</source>
            <translation>리뷰 기록(&amp;V)…</translation>
        </message>
        <message>
            <source>Mark review</source>
            <translation>리뷰 기록</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>메모:</translation>
        </message>
        <message>
            <source>Review of {date} marked: Compare with &gt; The last review shows what changes from now on</source>
            <translation>{date} 리뷰를 기록했습니다: 비교 대상 &gt; 지난 리뷰에서 이제부터 바뀌는 것을 볼 수 있습니다</translation>
        </message>
        <message>
            <source>Reviewed by:</source>
            <translation>리뷰한 사람:</translation>
        </message>
        <message>
            <source>Revision (a commit, branch or tag):</source>
            <translation>리비전 (커밋, 브랜치, 태그):</translation>
        </message>
        <message>
            <source>The &amp;backup (.bak)</source>
            <translation>백업(.bak)(&amp;B)</translation>
        </message>
        <message>
            <source>The last &amp;review</source>
            <translation>지난 리뷰(&amp;R)</translation>
        </message>
        <message>
            <source>This map has no review marked yet.</source>
            <translation>이 지도에는 아직 기록된 리뷰가 없습니다.</translation>
        </message>
        <message>
            <source>What was decided, which survey wave came in…</source>
            <translation>무엇을 정했는지, 어떤 설문 차수가 들어왔는지…</translation>
        </message>
        <message>
            <source>the last review</source>
            <translation>지난 리뷰</translation>
        </message>
        <message>
            <source>the review of {date}</source>
            <translation>{date} 리뷰</translation>
        </message>
    </context>
    <context>
        <name>ScoresChart</name>
        <message>
            <source>No survey scores yet. Import a survey export with File &gt; Import survey...</source>
            <translation>아직 설문 점수가 없습니다. 파일 &gt; 설문 가져오기로 설문 내보내기 파일을 가져오세요.</translation>
        </message>
        <message>
            <source>n={n}</source>
            <translation>n={n}</translation>
        </message>
        <message>
            <source>n={n} &lt;{low}!</source>
            <translation>n={n} &lt;{low}!</translation>
        </message>
        <message>
            <source>{metric} · {touchpoint}</source>
            <translation>{metric} · {touchpoint}</translation>
        </message>
        <message>
            <source>{title}  (up = easier)</source>
            <translation>{title}  (위쪽 = 더 쉬움)</translation>
        </message>
    </context>
    <context>
        <name>ScoresPanel</name>
        <message>
            <source>A wave named “{name}” exists already.</source>
            <translation>“{name}” 차수가 이미 있습니다.</translation>
        </message>
        <message>
            <source>Delete wave</source>
            <translation>차수 삭제</translation>
        </message>
        <message numerus="yes">
            <source>Deleted wave “{name}” and its %n score(s) (undo brings them back).</source>
            <translation>
                <numerusform>“{name}” 차수와 점수 %n개를 삭제했습니다 (실행 취소로 되돌릴 수 있습니다).</numerusform>
            </translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>이름 바꾸기</translation>
        </message>
        <message>
            <source>Waves (oldest first):</source>
            <translation>설문 차수 (오래된 순):</translation>
        </message>
        <message>
            <source>new wave label</source>
            <translation>새 차수 이름</translation>
        </message>
    </context>
    <context>
        <name>SessionController</name>
        <message>
            <source>Address</source>
            <translation>주소</translation>
        </message>
        <message>
            <source>Already in a session: leave it first</source>
            <translation>이미 세션에 참여 중입니다. 먼저 나가세요</translation>
        </message>
        <message>
            <source>Colleagues choose File &gt; Join session… and type the address, or this host and code:</source>
            <translation>동료는 파일 &gt; 세션 참여…를 고르고 주소를 입력하거나, 아래 호스트와 코드를 입력하면 됩니다:</translation>
        </message>
        <message>
            <source>Could not host the session</source>
            <translation>세션을 열 수 없습니다</translation>
        </message>
        <message>
            <source>Could not join the session</source>
            <translation>세션에 참여할 수 없습니다</translation>
        </message>
        <message>
            <source>Host session</source>
            <translation>세션 열기</translation>
        </message>
        <message>
            <source>Host session…</source>
            <translation>세션 열기…</translation>
        </message>
        <message>
            <source>Hosting: {address}</source>
            <translation>세션 진행 중: {address}</translation>
        </message>
        <message>
            <source>In a session: {address}</source>
            <translation>세션 참여 중: {address}</translation>
        </message>
        <message>
            <source>Join code</source>
            <translation>참여 코드</translation>
        </message>
        <message>
            <source>Join code (with host:port)</source>
            <translation>참여 코드 (host:port와 함께)</translation>
        </message>
        <message>
            <source>Join session</source>
            <translation>세션 참여</translation>
        </message>
        <message>
            <source>Join session…</source>
            <translation>세션 참여…</translation>
        </message>
        <message>
            <source>Leave session</source>
            <translation>세션 나가기</translation>
        </message>
        <message>
            <source>Listen on</source>
            <translation>접속 받을 주소</translation>
        </message>
        <message>
            <source>Not in a session. File &gt; Host session… or Join session…</source>
            <translation>세션에 참여하고 있지 않습니다. 파일 &gt; 세션 열기… 또는 세션 참여…</translation>
        </message>
        <message>
            <source>Nothing to undo there: a colleague has changed it since</source>
            <translation>되돌릴 것이 없습니다. 그 사이 동료가 바꾸었습니다</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>참여자</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>포트</translation>
        </message>
        <message>
            <source>Session hosted</source>
            <translation>세션을 열었습니다</translation>
        </message>
        <message>
            <source>You left the session; the map stays here</source>
            <translation>세션에서 나왔습니다. 지도는 여기 그대로 있습니다</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>내 이름</translation>
        </message>
        <message>
            <source>connected</source>
            <translation>연결됨</translation>
        </message>
        <message>
            <source>connecting…</source>
            <translation>연결 중…</translation>
        </message>
        <message>
            <source>hosting</source>
            <translation>세션 진행</translation>
        </message>
        <message>
            <source>in a session</source>
            <translation>세션 참여</translation>
        </message>
        <message>
            <source>in the session “{room}”</source>
            <translation>“{room}” 세션 참여</translation>
        </message>
        <message>
            <source>left</source>
            <translation>나감</translation>
        </message>
        <message>
            <source>not connected</source>
            <translation>연결 안 됨</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>오프라인</translation>
        </message>
        <message>
            <source>offline: your changes merge when the network is back</source>
            <translation>오프라인: 네트워크가 돌아오면 변경 내용이 합쳐집니다</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>거부됨</translation>
        </message>
        <message>
            <source>refused: {detail}</source>
            <translation>거부됨: {detail}</translation>
        </message>
        <message>
            <source>{name} (you)</source>
            <translation>{name} (나)</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>키보드 단축키(&amp;K)</translation>
        </message>
        <message>
            <source>(click this note to put it away)</source>
            <translation>(이 안내를 누르면 사라집니다)</translation>
        </message>
        <message>
            <source>Add a stage to start: Ctrl+Shift+T</source>
            <translation>단계를 추가해 시작하세요: Ctrl+Shift+T</translation>
        </message>
        <message>
            <source>Arrow keys</source>
            <translation>화살표 키</translation>
        </message>
        <message>
            <source>Cancel typing, a drag or a link; clear the selection</source>
            <translation>입력, 끌기, 연결을 취소하고 선택을 해제합니다</translation>
        </message>
        <message>
            <source>Canvas</source>
            <translation>캔버스</translation>
        </message>
        <message>
            <source>Ctrl + wheel, pinch</source>
            <translation>Ctrl + 휠, 핀치</translation>
        </message>
        <message>
            <source>Delete, Backspace</source>
            <translation>Delete, Backspace</translation>
        </message>
        <message>
            <source>Double-click</source>
            <translation>두 번 클릭</translation>
        </message>
        <message>
            <source>Double-click anywhere to type there · F1: every shortcut</source>
            <translation>아무 곳이나 두 번 클릭해 입력 · F1: 모든 단축키</translation>
        </message>
        <message>
            <source>Edit a card, or type a new one in an empty spot</source>
            <translation>카드를 편집하거나, 빈 자리에 새 카드를 입력합니다</translation>
        </message>
        <message>
            <source>Edit the selected card, stage or lane</source>
            <translation>선택한 카드, 단계, 레인을 편집합니다</translation>
        </message>
        <message>
            <source>Enter / Shift+Enter</source>
            <translation>Enter / Shift+Enter</translation>
        </message>
        <message>
            <source>Enter, F2</source>
            <translation>Enter, F2</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <source>Filter: a word or a key</source>
            <translation>찾기: 단어나 키</translation>
        </message>
        <message>
            <source>It goes in the marked cell; the arrow keys move the mark, Enter commits, Tab goes on</source>
            <translation>표시된 칸에 들어갑니다. 화살표 키로 표시를 옮기고, Enter로 확정, Tab으로 다음 칸</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>키보드 단축키</translation>
        </message>
        <message>
            <source>Move through the cells and their cards, empty cells included</source>
            <translation>칸과 그 안의 카드 사이를 이동합니다 (빈 칸 포함)</translation>
        </message>
        <message>
            <source>N, Insert</source>
            <translation>N, Insert</translation>
        </message>
        <message>
            <source>New card in the current cell (marked on the canvas)</source>
            <translation>현재 칸(캔버스에 표시됨)에 새 카드</translation>
        </message>
        <message>
            <source>Pan</source>
            <translation>화면 이동</translation>
        </message>
        <message>
            <source>Press N to type the first card</source>
            <translation>N을 눌러 첫 카드를 입력하세요</translation>
        </message>
        <message>
            <source>Remove the selection</source>
            <translation>선택한 것을 삭제합니다</translation>
        </message>
        <message>
            <source>Space + drag, middle button</source>
            <translation>Space + 끌기, 가운데 버튼</translation>
        </message>
        <message>
            <source>Tab, Shift+Tab</source>
            <translation>Tab, Shift+Tab</translation>
        </message>
        <message>
            <source>Then press N to type a card in it</source>
            <translation>그다음 N을 눌러 카드를 입력하세요</translation>
        </message>
        <message>
            <source>While typing: commit / new line</source>
            <translation>입력 중: 확정 / 줄 바꿈</translation>
        </message>
        <message>
            <source>While typing: commit and type in the next / previous cell</source>
            <translation>입력 중: 확정하고 다음 / 이전 칸에 입력</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>확대/축소</translation>
        </message>
    </context>
    <context>
        <name>StageLinkItem</name>
        <message>
            <source>{source} leads to {target}</source>
            <translation>{source} → {target}</translation>
        </message>
        <message>
            <source>{source} loops back to {target}</source>
            <translation>{source}에서 {target}(으)로 되돌아감</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Reopen Last Map at Start</source>
            <translation>시작할 때 마지막 지도 다시 열기</translation>
        </message>
        <message>
            <source>The last map, {path}, is no longer there</source>
            <translation>마지막 지도 {path}이(가) 더 이상 없습니다</translation>
        </message>
    </context>
    <context>
        <name>SurveyImportDialog</name>
        <message numerus="yes">
            <source>%n header row(s)</source>
            <translation>
                <numerusform>머리글 %n행</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n quote(s) will be added to the thought lane.</source>
            <translation>
                <numerusform>인용문 %n개가 생각 레인에 추가됩니다.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n response(s) → wave “{wave}”.</source>
            <translation>
                <numerusform>응답 %n건 → “{wave}” 차수.</numerusform>
            </translation>
        </message>
        <message>
            <source>1 = very easy (lower is better)</source>
            <translation>1 = 매우 쉬움 (낮을수록 좋음)</translation>
        </message>
        <message>
            <source>7 = very easy (higher is better)</source>
            <translation>7 = 매우 쉬움 (높을수록 좋음)</translation>
        </message>
        <message>
            <source>; </source>
            <translation>; </translation>
        </message>
        <message>
            <source>&lt;b&gt;{file}&lt;/b&gt; — {layout}, {rows}, {encoding}</source>
            <translation>&lt;b&gt;{file}&lt;/b&gt; — {layout}, {rows}, {encoding}</translation>
        </message>
        <message>
            <source>Answers (first rows)</source>
            <translation>응답 (처음 몇 행)</translation>
        </message>
        <message>
            <source>Answers to map (counted as skipped until given a number)</source>
            <translation>숫자를 지정할 응답 (숫자를 주기 전까지는 건너뜀으로 셉니다)</translation>
        </message>
        <message>
            <source>CES (1-7)</source>
            <translation>CES (1-7)</translation>
        </message>
        <message>
            <source>CES scale:</source>
            <translation>CES 척도:</translation>
        </message>
        <message>
            <source>CSAT (1-5)</source>
            <translation>CSAT (1-5)</translation>
        </message>
        <message>
            <source>Cancel reading</source>
            <translation>읽기 취소</translation>
        </message>
        <message>
            <source>Choose a metric and a stage for at least one column.</source>
            <translation>열 하나 이상에 지표와 단계를 고르세요.</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>파일 선택…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>열</translation>
        </message>
        <message>
            <source>Columns: choose a metric and a stage for each to import</source>
            <translation>열: 가져올 각 열에 지표와 단계를 고르세요</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>개수</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>가져오기</translation>
        </message>
        <message>
            <source>Import &amp;survey…</source>
            <translation>설문 가져오기(&amp;S)…</translation>
        </message>
        <message>
            <source>Import survey</source>
            <translation>설문 가져오기</translation>
        </message>
        <message>
            <source>Mean 0-10</source>
            <translation>평균 0-10</translation>
        </message>
        <message>
            <source>Mean 1-10</source>
            <translation>평균 1-10</translation>
        </message>
        <message>
            <source>Mean 1-5</source>
            <translation>평균 1-5</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>지표</translation>
        </message>
        <message>
            <source>NPS (0-10)</source>
            <translation>NPS (0-10)</translation>
        </message>
        <message>
            <source>No file chosen.</source>
            <translation>선택한 파일 없음.</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>참고</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>숫자</translation>
        </message>
        <message>
            <source>Quotes (open answers)</source>
            <translation>인용문 (주관식 응답)</translation>
        </message>
        <message>
            <source>Reading answers…</source>
            <translation>응답 읽는 중…</translation>
        </message>
        <message>
            <source>Reading cancelled; change a choice to read again.</source>
            <translation>읽기를 취소했습니다. 선택을 바꾸면 다시 읽습니다.</translation>
        </message>
        <message>
            <source>Scores this import makes:</source>
            <translation>이번 가져오기로 만들어지는 점수:</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>건너뜀</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>단계</translation>
        </message>
        <message>
            <source>Survey date:</source>
            <translation>설문 날짜:</translation>
        </message>
        <message>
            <source>Survey exports (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</source>
            <translation>설문 내보내기 파일 (*.csv *.tsv *.txt *.xlsx *.xlsm);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>This wave exists: scores of the same stage and metric are replaced.</source>
            <translation>이미 있는 차수입니다. 같은 단계와 지표의 점수는 바뀝니다.</translation>
        </message>
        <message>
            <source>Unknown answer</source>
            <translation>알 수 없는 응답</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>값</translation>
        </message>
        <message>
            <source>Wave label:</source>
            <translation>차수 이름:</translation>
        </message>
        <message>
            <source>give them a number under “Answers to map”</source>
            <translation>“숫자를 지정할 응답”에서 숫자를 지정하세요</translation>
        </message>
        <message>
            <source>higher is better</source>
            <translation>높을수록 좋음</translation>
        </message>
        <message>
            <source>low confidence (n &lt; 30)</source>
            <translation>신뢰도 낮음 (n &lt; 30)</translation>
        </message>
        <message>
            <source>lower is better</source>
            <translation>낮을수록 좋음</translation>
        </message>
        <message>
            <source>mapped</source>
            <translation>지정됨</translation>
        </message>
        <message>
            <source>n</source>
            <translation>n</translation>
        </message>
        <message>
            <source>sheet “{sheet}”</source>
            <translation>시트 “{sheet}”</translation>
        </message>
        <message>
            <source>{name}: cannot be read.</source>
            <translation>{name}: 읽을 수 없습니다.</translation>
        </message>
        <message>
            <source>{promoters} promoters, {passives} passives, {detractors} detractors</source>
            <translation>추천 {promoters}, 중립 {passives}, 비추천 {detractors}</translation>
        </message>
        <message>
            <source>{stage} › {touchpoint}</source>
            <translation>{stage} › {touchpoint}</translation>
        </message>
        <message>
            <source>— choose a stage —</source>
            <translation>— 단계 선택 —</translation>
        </message>
        <message>
            <source>— not imported —</source>
            <translation>— 가져오지 않음 —</translation>
        </message>
    </context>
    <context>
        <name>TemplateDialog</name>
        <message>
            <source>Map title:</source>
            <translation>지도 제목:</translation>
        </message>
        <message>
            <source>New journey map</source>
            <translation>새 여정 지도</translation>
        </message>
        <message>
            <source>Start from a template:</source>
            <translation>템플릿에서 시작:</translation>
        </message>
        <message>
            <source>the template's title</source>
            <translation>템플릿 제목</translation>
        </message>
        <message>
            <source>{title} ({language})
    {stages}</source>
            <translation>{title} ({language})
    {stages}</translation>
        </message>
    </context>
    <context>
        <name>Timer</name>
        <message>
            <source>&amp;Timer</source>
            <translation>타이머(&amp;T)</translation>
        </message>
        <message>
            <source>+1 Minute</source>
            <translation>+1분</translation>
        </message>
        <message>
            <source>Minutes (or m:ss):</source>
            <translation>분 (또는 m:ss):</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시 정지</translation>
        </message>
        <message>
            <source>Pause timer</source>
            <translation>타이머 일시 정지</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>초기화</translation>
        </message>
        <message>
            <source>Reset timer</source>
            <translation>타이머 초기화</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>다시 시작</translation>
        </message>
        <message>
            <source>Resume timer</source>
            <translation>타이머 다시 시작</translation>
        </message>
        <message>
            <source>Sound at the End</source>
            <translation>끝날 때 소리</translation>
        </message>
        <message numerus="yes">
            <source>Start %n Minute(s)</source>
            <translation>
                <numerusform>%n분 시작</numerusform>
            </translation>
        </message>
        <message>
            <source>Start the timer</source>
            <translation>타이머 시작</translation>
        </message>
        <message>
            <source>Start timer {time}</source>
            <translation>타이머 {time} 시작</translation>
        </message>
        <message>
            <source>Start…</source>
            <translation>시작…</translation>
        </message>
        <message>
            <source>Time's up</source>
            <translation>시간 종료</translation>
        </message>
        <message>
            <source>Timer +1 minute</source>
            <translation>타이머 +1분</translation>
        </message>
        <message>
            <source>Timer: expected minutes such as 5 or 2:30, got {value}</source>
            <translation>타이머: 5나 2:30 같은 분이 필요합니다. 받은 값: {value}</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>일시 정지됨</translation>
        </message>
    </context>
    <context>
        <name>Voting</name>
        <message>
            <source> min</source>
            <translation>분</translation>
        </message>
        <message numerus="yes">
            <source>%n dot(s) left</source>
            <translation>
                <numerusform>남은 도트 %n개</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Reveal Vote</source>
            <translation>투표 공개(&amp;R)</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>추가…</translation>
        </message>
        <message>
            <source>Anonymous: no names are kept with the dots</source>
            <translation>익명: 도트와 함께 이름을 남기지 않습니다</translation>
        </message>
        <message>
            <source>Any card</source>
            <translation>모든 카드</translation>
        </message>
        <message numerus="yes">
            <source>At most %n dot(s) on one card; Shift+click takes one back</source>
            <translation>
                <numerusform>카드 하나에 도트는 최대 %n개입니다. Shift+클릭으로 하나를 뗍니다</numerusform>
            </translation>
        </message>
        <message>
            <source>At most on one card:</source>
            <translation>카드 하나에 최대:</translation>
        </message>
        <message>
            <source>Cards that take dots:</source>
            <translation>도트를 붙일 카드:</translation>
        </message>
        <message>
            <source>Delete Vote</source>
            <translation>투표 삭제</translation>
        </message>
        <message>
            <source>Dot vote</source>
            <translation>도트 투표</translation>
        </message>
        <message>
            <source>Dots per person:</source>
            <translation>한 사람당 도트:</translation>
        </message>
        <message>
            <source>Hidden: each voter sees only their own dots until the reveal</source>
            <translation>숨김: 공개 전까지 각자 자기 도트만 봅니다</translation>
        </message>
        <message>
            <source>Hide Vote Results</source>
            <translation>투표 결과 숨기기</translation>
        </message>
        <message>
            <source>Name of the person voting now:</source>
            <translation>지금 투표하는 사람의 이름:</translation>
        </message>
        <message>
            <source>Next Voter</source>
            <translation>다음 투표자</translation>
        </message>
        <message>
            <source>No vote running. The facilitator starts one: Workshop &gt; Start Dot Vote…</source>
            <translation>진행 중인 투표가 없습니다. 진행자가 시작합니다: 워크숍 &gt; 도트 투표 시작…</translation>
        </message>
        <message numerus="yes">
            <source>Open: %n voter(s) so far</source>
            <translation>
                <numerusform>진행 중: 지금까지 투표자 %n명</numerusform>
            </translation>
        </message>
        <message>
            <source>Opportunities</source>
            <translation>개선 기회</translation>
        </message>
        <message>
            <source>Pain points</source>
            <translation>불편 사항</translation>
        </message>
        <message>
            <source>Pain points and opportunities</source>
            <translation>불편 사항과 개선 기회</translation>
        </message>
        <message>
            <source>Pick who is voting first (Votes panel, or Ctrl+Shift+N)</source>
            <translation>먼저 투표할 사람을 고르세요 (투표 패널, 또는 Ctrl+Shift+N)</translation>
        </message>
        <message>
            <source>Place a Dot	V</source>
            <translation>도트 붙이기	V</translation>
        </message>
        <message>
            <source>Question:</source>
            <translation>질문:</translation>
        </message>
        <message>
            <source>Reveal</source>
            <translation>공개</translation>
        </message>
        <message numerus="yes">
            <source>Revealed: %n voter(s)</source>
            <translation>
                <numerusform>공개됨: 투표자 %n명</numerusform>
            </translation>
        </message>
        <message>
            <source>Revealed: most dots on {card} ({n})</source>
            <translation>공개됨: {card}에 도트가 가장 많습니다 ({n})</translation>
        </message>
        <message>
            <source>Select a card to put a dot on</source>
            <translation>도트를 붙일 카드를 선택하세요</translation>
        </message>
        <message>
            <source>Show the Last Results</source>
            <translation>마지막 결과 보기</translation>
        </message>
        <message>
            <source>Start Dot &amp;Vote…</source>
            <translation>도트 투표 시작(&amp;V)…</translation>
        </message>
        <message>
            <source>Start a dot vote</source>
            <translation>도트 투표 시작</translation>
        </message>
        <message>
            <source>Start vote</source>
            <translation>투표 시작</translation>
        </message>
        <message>
            <source>Start vote…</source>
            <translation>투표 시작…</translation>
        </message>
        <message>
            <source>Take a Dot Back	Shift+V</source>
            <translation>도트 떼기	Shift+V</translation>
        </message>
        <message>
            <source>This vote is closed: the facilitator can reveal it</source>
            <translation>이 투표는 마감되었습니다. 진행자가 공개할 수 있습니다</translation>
        </message>
        <message>
            <source>This vote takes: {kinds}</source>
            <translation>이 투표의 대상: {kinds}</translation>
        </message>
        <message numerus="yes">
            <source>Time is up: %n voter(s); waiting for the reveal</source>
            <translation>
                <numerusform>시간 종료: 투표자 %n명, 공개를 기다리는 중</numerusform>
            </translation>
        </message>
        <message>
            <source>Time limit:</source>
            <translation>제한 시간:</translation>
        </message>
        <message>
            <source>Vote started: pick who is voting in the Votes panel (Ctrl+Shift+N: next voter), then click cards</source>
            <translation>투표 시작: 투표 패널에서 투표할 사람을 고른 뒤 (Ctrl+Shift+N: 다음 투표자) 카드를 클릭하세요</translation>
        </message>
        <message>
            <source>Votes</source>
            <translation>투표</translation>
        </message>
        <message>
            <source>Voting now:</source>
            <translation>지금 투표하는 사람:</translation>
        </message>
        <message>
            <source>Which pain points hurt our customers most?</source>
            <translation>고객을 가장 힘들게 하는 불편 사항은?</translation>
        </message>
        <message>
            <source>Who is voting?</source>
            <translation>누가 투표하나요?</translation>
        </message>
        <message>
            <source>dots hidden until the reveal</source>
            <translation>공개 전까지 도트 숨김</translation>
        </message>
        <message>
            <source>no time limit</source>
            <translation>제한 없음</translation>
        </message>
        <message numerus="yes">
            <source>{name} has placed all %n dot(s); Shift+click a card to take one back</source>
            <translation>
                <numerusform>{name} 님이 도트 %n개를 모두 붙였습니다. 카드를 Shift+클릭하면 하나를 뗍니다</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{name}: %n dot(s) left</source>
            <translation>
                <numerusform>{name}: 남은 도트 %n개</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Workshop</name>
        <message>
            <source>&amp;Facilitator Mode</source>
            <translation>진행자 모드(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Lock or Unlock Selection</source>
            <translation>선택 잠금 / 잠금 해제(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Workshop</source>
            <translation>워크숍(&amp;W)</translation>
        </message>
        <message>
            <source>Change locked cards, stages and lanes without unlocking them</source>
            <translation>잠긴 카드, 단계, 레인을 잠금을 풀지 않고 바꿉니다</translation>
        </message>
        <message>
            <source>F&amp;ollow Me</source>
            <translation>내 화면 따라오기(&amp;O)</translation>
        </message>
        <message>
            <source>Facilitate This Session</source>
            <translation>이 세션 진행하기</translation>
        </message>
        <message>
            <source>Facilitator</source>
            <translation>진행자</translation>
        </message>
        <message>
            <source>Facilitator mode off: locks hold for everyone</source>
            <translation>진행자 모드 꺼짐: 잠금이 모두에게 적용됩니다</translation>
        </message>
        <message>
            <source>Facilitator mode: locked cards, stages and lanes can be changed</source>
            <translation>진행자 모드: 잠긴 카드, 단계, 레인을 바꿀 수 있습니다</translation>
        </message>
        <message>
            <source>Follow the Facilitator</source>
            <translation>진행자 화면 따라가기</translation>
        </message>
        <message>
            <source>Hidden card</source>
            <translation>숨긴 카드</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>잠금</translation>
        </message>
        <message>
            <source>Locked by {by}</source>
            <translation>{by} 님이 잠금</translation>
        </message>
        <message>
            <source>Locked by {by}: the facilitator can unlock it</source>
            <translation>{by} 님이 잠갔습니다. 진행자가 잠금을 풀 수 있습니다</translation>
        </message>
        <message>
            <source>Reveal the &amp;Round</source>
            <translation>라운드 공개(&amp;R)</translation>
        </message>
        <message numerus="yes">
            <source>Round revealed: %n card(s) turned over</source>
            <translation>
                <numerusform>라운드 공개: 카드 %n장을 뒤집었습니다</numerusform>
            </translation>
        </message>
        <message>
            <source>Select the cards, stage or lane to lock first</source>
            <translation>먼저 잠글 카드, 단계, 레인을 선택하세요</translation>
        </message>
        <message>
            <source>Silent brainstorm: the cards typed now stay face down until the round is revealed</source>
            <translation>조용한 브레인스토밍: 지금 입력하는 카드는 라운드를 공개할 때까지 뒤집혀 있습니다</translation>
        </message>
        <message>
            <source>Start Silent &amp;Brainstorm</source>
            <translation>조용한 브레인스토밍 시작(&amp;B)</translation>
        </message>
        <message>
            <source>The hosting window facilitates; in a room served without one, take the role here</source>
            <translation>세션을 연 창이 진행합니다. 창 없이 연 방이라면 여기서 진행자 역할을 맡으세요</translation>
        </message>
        <message>
            <source>This card is hidden until the facilitator reveals the round</source>
            <translation>이 카드는 진행자가 라운드를 공개할 때까지 숨겨져 있습니다</translation>
        </message>
        <message>
            <source>Typed by {name} during the silent round: hidden until the facilitator reveals it</source>
            <translation>{name} 님이 조용한 라운드에서 입력: 진행자가 공개할 때까지 숨김</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>잠금 해제</translation>
        </message>
        <message>
            <source>Your &amp;Name…</source>
            <translation>내 이름(&amp;N)…</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>내 이름</translation>
        </message>
        <message>
            <source>Your name, as the workshop shows it:</source>
            <translation>워크숍에 표시할 내 이름:</translation>
        </message>
    </context>
</TS>
