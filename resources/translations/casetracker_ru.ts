<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AllegationDialog</name>
    <message>
        <source>Add an allegation</source>
        <translation>Добавить нарушение</translation>
    </message>
    <message>
        <source>No source yet</source>
        <translation>Источника пока нет</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
</context>
<context>
    <name>AllegationsTab</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Allegations</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <source>Add an allegation…</source>
        <translation>Добавить нарушение…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <source>The vault was locked, but the latest changes could not be saved: %1</source>
        <translation>Хранилище заблокировано, но последние изменения сохранить не удалось: %1</translation>
    </message>
    <message>
        <source>Demo vault. Its passphrase is: %1</source>
        <translation>Демо-хранилище. Его парольная фраза: %1</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Изменения не сохранены</translation>
    </message>
    <message>
        <source>Your latest changes could not be saved: %1

Lock anyway and lose them?</source>
        <translation>Последние изменения сохранить не удалось: %1

Всё равно заблокировать и потерять их?</translation>
    </message>
    <message>
        <source>Your latest changes could not be saved.</source>
        <translation>Последние изменения не удалось сохранить.</translation>
    </message>
    <message>
        <source>Save again</source>
        <translation>Сохранить ещё раз</translation>
    </message>
    <message numerus="yes">
        <source>Quit and lose %n change(s)</source>
        <translation>
            <numerusform>Выйти и потерять %n изменение</numerusform>
            <numerusform>Выйти и потерять %n изменения</numerusform>
            <numerusform>Выйти и потерять %n изменений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Save decrypted copy…</source>
        <translation>Сохранить расшифрованную копию…</translation>
    </message>
    <message>
        <source>Writes an unencrypted copy where you choose. Delete it when done.</source>
        <translation>Записывает незашифрованную копию туда, куда вы укажете. Удалите её, когда она станет не нужна.</translation>
    </message>
    <message>
        <source>Choose an attachment to see it here.</source>
        <translation>Выберите вложение, чтобы увидеть его здесь.</translation>
    </message>
    <message>
        <source>This kind of file cannot be shown inside Casetracker. Save a decrypted copy to open it with another program, and delete the copy afterwards.</source>
        <translation>Такой файл нельзя показать внутри Casetracker. Сохраните расшифрованную копию, чтобы открыть её другой программой, а потом удалите копию.</translation>
    </message>
    <message>
        <source>Save a decrypted copy?</source>
        <translation>Сохранить расшифрованную копию?</translation>
    </message>
    <message>
        <source>The copy will not be encrypted: anyone with this computer can open it. Save it only where you must, and delete it when you are done.</source>
        <translation>Копия не будет зашифрована: её сможет открыть любой, у кого есть доступ к этому компьютеру. Сохраняйте её, только если это необходимо, и удалите, когда закончите.</translation>
    </message>
    <message>
        <source>Save decrypted copy</source>
        <translation>Сохранить расшифрованную копию</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Open a backup</source>
        <translation>Открыть резервную копию</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Резервные копии, сначала новые</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Open this backup</source>
        <translation>Открыть эту копию</translation>
    </message>
    <message>
        <source>The vault file %1 cannot be opened. Choose a backup: it becomes the vault, and the damaged file is kept beside it under another name, not deleted.</source>
        <translation>Файл хранилища %1 не открывается. Выберите резервную копию: она станет хранилищем, а повреждённый файл останется рядом под другим именем и не будет удалён.</translation>
    </message>
    <message>
        <source>The vault file %1 is not there, but its backups are. Choose one: it becomes the vault again.</source>
        <translation>Файла хранилища %1 нет на месте, но его резервные копии есть. Выберите одну: она снова станет хранилищем.</translation>
    </message>
    <message>
        <source>%1 (cannot be read)</source>
        <translation>%1 (не читается)</translation>
    </message>
    <message>
        <source>%1, save %2 (newest)</source>
        <translation>%1, сохранение %2 (самая новая)</translation>
    </message>
    <message>
        <source>%1, save %2</source>
        <translation>%1, сохранение %2</translation>
    </message>
    <message>
        <source>Opening the backup and saving it as the vault…</source>
        <translation>Открываю резервную копию и сохраняю её как хранилище…</translation>
    </message>
    <message>
        <source>Opened backup %1 from %2 (save %3). It is now the vault.</source>
        <translation>Открыта резервная копия %1 от %2 (сохранение %3). Теперь это хранилище.</translation>
    </message>
    <message>
        <source>What stood in its place was kept beside it, untouched, as %1.</source>
        <translation>То, что было на месте хранилища, сохранено рядом без изменений под именем %1.</translation>
    </message>
</context>
<context>
    <name>BundleImportDialog</name>
    <message>
        <source>Open a bundle</source>
        <translation>Открыть пакет</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>Файл пакета</translation>
    </message>
    <message>
        <source>An encrypted file (.age) from a partner</source>
        <translation>Зашифрованный файл (.age) от партнёров</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>Choose the bundle file</source>
        <translation>Выберите файл пакета</translation>
    </message>
    <message>
        <source>With this organisation&apos;s key (the sender made it for us)</source>
        <translation>Ключом нашей организации (отправитель зашифровал его для нас)</translation>
    </message>
    <message>
        <source>With a passphrase:</source>
        <translation>Парольной фразой:</translation>
    </message>
    <message>
        <source>The file&apos;s passphrase</source>
        <translation>Парольная фраза файла</translation>
    </message>
    <message>
        <source>the passphrase the sender told you</source>
        <translation>парольная фраза, которую вам сообщил отправитель</translation>
    </message>
    <message>
        <source>Open and check</source>
        <translation>Открыть и проверить</translation>
    </message>
    <message>
        <source>Open and check the bundle</source>
        <translation>Открыть и проверить пакет</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Как открыть</translation>
    </message>
    <message>
        <source>Signer&apos;s fingerprint</source>
        <translation>Отпечаток ключа подписавшего</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Подписано</translation>
    </message>
    <message>
        <source>Result of the check</source>
        <translation>Результат проверки</translation>
    </message>
    <message>
        <source>What importing would do</source>
        <translation>Что изменит импорт</translation>
    </message>
    <message>
        <source>Changed on both sides: choose which to keep</source>
        <translation>Изменено с обеих сторон: выберите, что оставить</translation>
    </message>
    <message>
        <source>Records changed on both sides</source>
        <translation>Записи, изменённые с обеих сторон</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>In this vault (ours)</source>
        <translation>В этом хранилище (наше)</translation>
    </message>
    <message>
        <source>In the file (theirs)</source>
        <translation>В файле (их)</translation>
    </message>
    <message>
        <source>The differences, field by field</source>
        <translation>Различия по полям</translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation>Оставить наше</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Взять их</translation>
    </message>
    <message>
        <source>Keep ours for all</source>
        <translation>Оставить наше для всех</translation>
    </message>
    <message>
        <source>Take theirs for all</source>
        <translation>Взять их для всех</translation>
    </message>
    <message>
        <source>Both this vault and the sender changed these records since they last matched. Nothing is overwritten unless you choose “take theirs”.</source>
        <translation>И в этом хранилище, и у отправителя эти записи изменились с момента последнего совпадения. Ничего не перезаписывается, пока вы не выберете «взять их».</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Import into the vault</source>
        <translation>Импортировать в хранилище</translation>
    </message>
    <message>
        <source>Encrypted files (*.age);;All files (*)</source>
        <translation>Зашифрованные файлы (*.age);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose the file first.</source>
        <translation>Сначала выберите файл.</translation>
    </message>
    <message>
        <source>Type the file&apos;s passphrase first.</source>
        <translation>Сначала введите парольную фразу файла.</translation>
    </message>
    <message>
        <source>Decrypting and checking the signature…</source>
        <translation>Расшифровка и проверка подписи…</translation>
    </message>
    <message>
        <source>This file was refused: it was altered after it was signed (%1 failed). Nothing was imported. Ask the sender for a new copy.</source>
        <translation>Файл отклонён: его изменили после подписания (не прошла проверка: %1). Ничего не импортировано. Попросите отправителя прислать новую копию.</translation>
    </message>
    <message>
        <source>This file could not be opened with our key. Nothing was imported.</source>
        <translation>Этот файл не открывается нашим ключом. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>If the sender gave you a passphrase, choose “With a passphrase”.</source>
        <translation>Если отправитель сообщил вам парольную фразу, выберите «Парольной фразой».</translation>
    </message>
    <message>
        <source>This file could not be opened. Nothing was imported.</source>
        <translation>Этот файл не удалось открыть. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>the signature</source>
        <translation>подпись</translation>
    </message>
    <message>
        <source>the signer&apos;s fingerprint</source>
        <translation>отпечаток ключа подписавшего</translation>
    </message>
    <message>
        <source>the list of parts: one is missing</source>
        <translation>список частей: одной не хватает</translation>
    </message>
    <message>
        <source>the list of parts: one was added</source>
        <translation>список частей: одна добавлена</translation>
    </message>
    <message>
        <source>the checksum of a part</source>
        <translation>контрольная сумма одной из частей</translation>
    </message>
    <message>
        <source>✓ Decrypted, signature and every part check out.</source>
        <translation>✓ Расшифровано, подпись и все части в порядке.</translation>
    </message>
    <message>
        <source>Known here as: %1</source>
        <translation>Известен здесь как: %1</translation>
    </message>
    <message>
        <source>Not in your address book. Call the sender and compare this fingerprint before you trust what the file says.</source>
        <translation>Нет в вашей адресной книге. Позвоните отправителю и сверьте этот отпечаток, прежде чем доверять содержимому файла.</translation>
    </message>
    <message>
        <source>anonymised figures</source>
        <translation>обезличенные данные</translation>
    </message>
    <message>
        <source>for a lawyer</source>
        <translation>для адвоката</translation>
    </message>
    <message>
        <source>Made on %1, %2. Holds: %3.</source>
        <translation>Создан %1, %2. Содержит: %3.</translation>
    </message>
    <message>
        <source>This file holds anonymised figures only — no names, no identities — so it cannot be merged into the vault.</source>
        <translation>В этом файле только обезличенные данные — без имён и личностей, — поэтому его нельзя объединить с хранилищем.</translation>
    </message>
    <message>
        <source>This file was made for media: it leaves out too much to be merged into the vault. Open it to read it; nothing here changes.</source>
        <translation>Этот файл подготовлен для СМИ: в нём слишком мало сведений, чтобы влить его в хранилище. Его можно только прочитать; здесь ничего не изменится.</translation>
    </message>
    <message>
        <source>Working out what importing would change…</source>
        <translation>Выясняем, что изменит импорт…</translation>
    </message>
    <message>
        <source>Comparing the file with the vault (nothing is written)…</source>
        <translation>Сравниваем файл с хранилищем (ничего не записывается)…</translation>
    </message>
    <message>
        <source>Everything in this file is already in the vault: importing it again changes nothing.</source>
        <translation>Всё из этого файла уже есть в хранилище: повторный импорт ничего не изменит.</translation>
    </message>
    <message>
        <source>Importing would add: %1.</source>
        <translation>Импорт добавит: %1.</translation>
    </message>
    <message>
        <source>It would update, with the sender&apos;s newer version: %1.</source>
        <translation>Обновит более новой версией отправителя: %1.</translation>
    </message>
    <message>
        <source>Already here, unchanged: %1.</source>
        <translation>Уже есть, без изменений: %1.</translation>
    </message>
    <message>
        <source>Case %1 in the file becomes %2 here (the reference is taken).</source>
        <translation>Дело %1 из файла станет здесь %2 (этот номер уже занят).</translation>
    </message>
    <message numerus="yes">
        <source>Changed on both sides: %n record(s). Choose below which version to keep.</source>
        <translation>
            <numerusform>Изменено с обеих сторон: %n запись. Выберите ниже, какую версию оставить.</numerusform>
            <numerusform>Изменено с обеих сторон: %n записи. Выберите ниже, какую версию оставить.</numerusform>
            <numerusform>Изменено с обеих сторон: %n записей. Выберите ниже, какую версию оставить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) you changed since the last import (yours are kept)</source>
        <translation>
            <numerusform>%n запись, изменённая вами после прошлого импорта (ваша версия сохраняется)</numerusform>
            <numerusform>%n записи, изменённые вами после прошлого импорта (ваши версии сохраняются)</numerusform>
            <numerusform>%n записей, изменённых вами после прошлого импорта (ваши версии сохраняются)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) older than what you have</source>
        <translation>
            <numerusform>%n запись старее вашей</numerusform>
            <numerusform>%n записи старее ваших</numerusform>
            <numerusform>%n записей старее ваших</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) deleted here after an earlier import (they stay deleted)</source>
        <translation>
            <numerusform>%n запись удалена здесь после прошлого импорта (останется удалённой)</numerusform>
            <numerusform>%n записи удалены здесь после прошлого импорта (останутся удалёнными)</numerusform>
            <numerusform>%n записей удалены здесь после прошлого импорта (останутся удалёнными)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) whose case or place is not here</source>
        <translation>
            <numerusform>%n запись, чьего дела или места здесь нет</numerusform>
            <numerusform>%n записи, чьих дел или мест здесь нет</numerusform>
            <numerusform>%n записей, чьих дел или мест здесь нет</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Пропущено: %1.</translation>
    </message>
    <message>
        <source>keep ours</source>
        <translation>оставить наше</translation>
    </message>
    <message>
        <source>take theirs</source>
        <translation>взять их</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Ничего не импортировано: %1</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated.</source>
        <translation>Импортировано: добавлено — %1, обновлено — %2.</translation>
    </message>
    <message>
        <source>Changed on both sides: kept ours for %1, took theirs for %2.</source>
        <translation>Изменено с обеих сторон: оставлено наше — %1, взято их — %2.</translation>
    </message>
    <message>
        <source>Case %1 from the file is %2 here.</source>
        <translation>Дело %1 из файла здесь — %2.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Ref</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Detention date</source>
        <translation>Дата задержания</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>Где содержится</translation>
    </message>
    <message>
        <source>Days since
proof of life</source>
        <translation>Дней без
связи с ним</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Сигналы</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Куратор</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Найдено в</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>другое написание</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>часть</translation>
    </message>
    <message>
        <source>region</source>
        <translation>регион</translation>
    </message>
    <message>
        <source>note</source>
        <translation>заметка</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>метки</translation>
    </message>
    <message>
        <source>caseworker</source>
        <translation>куратор</translation>
    </message>
    <message>
        <source>lawyer</source>
        <translation>адвокат</translation>
    </message>
    <message>
        <source>place</source>
        <translation>место</translation>
    </message>
    <message>
        <source>Days since he himself was last heard (a direct contact)</source>
        <translation>Сколько дней прошло с тех пор, как он сам последний раз выходил на связь (прямой контакт)</translation>
    </message>
    <message numerus="yes">
        <source>%1 +%n more</source>
        <translation>
            <numerusform>%1 и ещё %n</numerusform>
            <numerusform>%1 и ещё %n</numerusform>
            <numerusform>%1 и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>He has not been heard directly since the case was opened.</source>
        <translation>С момента открытия дела он сам ни разу не выходил на связь.</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <source>Log a contact (Ctrl+L)</source>
        <translation>Записать контакт (Ctrl+L)</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Изменить статус…</translation>
    </message>
    <message>
        <source>Moved to another place…</source>
        <translation>Перевели в другое место…</translation>
    </message>
    <message>
        <source>Write a letter…</source>
        <translation>Составить письмо…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Relatives</source>
        <translation>Родственники</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Sources &amp;&amp; evidence</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Allegations</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Опрос</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Записать контакт</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>(%1)</source>
        <comment>when a status began, not known to the day</comment>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>с %1</translation>
    </message>
    <message>
        <source>He himself was last heard: %1</source>
        <translation>Сам последний раз выходил на связь: %1</translation>
    </message>
    <message>
        <source>Held at: %1</source>
        <translation>Где содержится: %1</translation>
    </message>
    <message>
        <source>Held at: not known</source>
        <translation>Где содержится: неизвестно</translation>
    </message>
    <message>
        <source>No open flags</source>
        <translation>Открытых сигналов нет</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Find by name, alias, unit, place or note — Cyrillic or Latin (Ctrl+F)</source>
        <translation>Поиск по имени, другим написаниям, части, месту или заметкам — кириллицей или латиницей (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Поиск дел</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Any flags</source>
        <translation>Любые сигналы</translation>
    </message>
    <message>
        <source>With open flags</source>
        <translation>С открытыми сигналами</translation>
    </message>
    <message>
        <source>Without flags</source>
        <translation>Без сигналов</translation>
    </message>
    <message>
        <source>Any place</source>
        <translation>Любое место</translation>
    </message>
    <message>
        <source>Any unit</source>
        <translation>Любая часть</translation>
    </message>
    <message>
        <source>Any region</source>
        <translation>Любой регион</translation>
    </message>
    <message>
        <source>Any caseworker</source>
        <translation>Любой куратор</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Отбор по статусу</translation>
    </message>
    <message>
        <source>Filter by flag</source>
        <translation>Отбор по сигналу</translation>
    </message>
    <message>
        <source>Filter by place</source>
        <translation>Отбор по месту</translation>
    </message>
    <message>
        <source>Filter by unit</source>
        <translation>Отбор по части</translation>
    </message>
    <message>
        <source>Filter by region</source>
        <translation>Отбор по региону</translation>
    </message>
    <message>
        <source>Filter by caseworker</source>
        <translation>Отбор по куратору</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить отбор</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Показать их</translation>
    </message>
    <message>
        <source>Decide pair by pair…</source>
        <translation>Разобрать по парам…</translation>
    </message>
    <message>
        <source>Possible duplicates could not be found</source>
        <translation>Не удалось найти возможные дубликаты</translation>
    </message>
    <message>
        <source>same name, spelt differently</source>
        <translation>то же имя в другом написании</translation>
    </message>
    <message>
        <source>names one typing slip apart</source>
        <translation>имена различаются одной опечаткой</translation>
    </message>
    <message>
        <source>same birth date, similar name</source>
        <translation>та же дата рождения, похожее имя</translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s): </source>
        <translation>
            <numerusform>%n возможный дубликат: </numerusform>
            <numerusform>%n возможных дубликата: </numerusform>
            <numerusform>%n возможных дубликатов: </numerusform>
        </translation>
    </message>
    <message>
        <source> and more</source>
        <translation> и другие</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Показать все</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n дело</numerusform>
            <numerusform>%n дела</numerusform>
            <numerusform>%n дел</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) shown</source>
        <translation>
            <numerusform>показано %n дело</numerusform>
            <numerusform>показано %n дела</numerusform>
            <numerusform>показано %n дел</numerusform>
        </translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> из %1</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Сменить парольную фразу</translation>
    </message>
    <message>
        <source>From now on the new passphrase opens the vault and its backups; the old one no longer does. The recovery key keeps working.</source>
        <translation>С этого момента хранилище и его резервные копии открывает новая парольная фраза, старая больше не подходит. Ключ восстановления продолжает действовать.</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>Two members changed the same thing before they synced. Nothing was chosen for you: the vault holds the value the team&apos;s server received first, and the other waits here. Decide each line; your decision reaches everyone at the next sync.</source>
        <translation>Двое из команды изменили одно и то же до синхронизации. Ничего не выбрано за вас: в хранилище стоит значение, которое сервер команды получил первым, а другое ждёт здесь. Решите по каждой строке; ваше решение дойдёт до всех при следующей синхронизации.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Текущее значение</translation>
    </message>
    <message>
        <source>Waiting value</source>
        <translation>Ждущее значение</translation>
    </message>
    <message>
        <source>Whose value waits</source>
        <translation>Чьё значение ждёт</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Nothing to decide: no two changes of the team clash.</source>
        <translation>Решать нечего: изменения в команде не противоречат друг другу.</translation>
    </message>
    <message>
        <source>Keep the current value</source>
        <translation>Оставить текущее значение</translation>
    </message>
    <message>
        <source>The vault keeps what it holds; the waiting value is dropped.</source>
        <translation>В хранилище остаётся то, что есть; ждущее значение отбрасывается.</translation>
    </message>
    <message>
        <source>Take the waiting value</source>
        <translation>Взять ждущее значение</translation>
    </message>
    <message>
        <source>The waiting value replaces the current one, for the whole team.</source>
        <translation>Ждущее значение заменит текущее — для всей команды.</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (вы)</translation>
    </message>
    <message>
        <source>you</source>
        <translation>вы</translation>
    </message>
    <message>
        <source>(a deleted case)</source>
        <translation>(удалённое дело)</translation>
    </message>
    <message>
        <source>(a file&apos;s content)</source>
        <translation>(содержимое файла)</translation>
    </message>
    <message>
        <source>Still there, changed meanwhile</source>
        <translation>На месте, тем временем изменено</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Still there, with the changes</source>
        <translation>На месте, с изменениями</translation>
    </message>
    <message>
        <source>Not added: it no longer fits</source>
        <translation>Не добавлено: больше не подходит</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлено</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>e.g. his mother, by phone to Anna</source>
        <translation>например: мать, по телефону Анне</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Записать согласие</translation>
    </message>
    <message>
        <source>He himself</source>
        <translation>Он сам</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>без имени</translation>
    </message>
    <message>
        <source>Who agreed</source>
        <translation>Кто согласился</translation>
    </message>
    <message>
        <source>May be shared with</source>
        <translation>Можно передавать</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Дата согласия</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Как получено</translation>
    </message>
    <message>
        <source>Through whom</source>
        <translation>Через кого</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Отзыв согласия</translation>
    </message>
    <message>
        <source>given %1, %2</source>
        <translation>дано %1, %2</translation>
    </message>
    <message>
        <source>May be shared with %1</source>
        <translation>Можно передавать: %1</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Дата отзыва</translation>
    </message>
    <message>
        <source>The record stays in the case, with both days: the next export leaves this person out.</source>
        <translation>Запись остаётся в деле с обеими датами; при следующей выгрузке сведения об этом человеке не передаются.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Отозвать</translation>
    </message>
    <message>
        <source>Type the day.</source>
        <translation>Введите дату.</translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <source>He himself</source>
        <translation>Он сам</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>без имени</translation>
    </message>
    <message>
        <source>Who agreed</source>
        <translation>Кто согласился</translation>
    </message>
    <message>
        <source>May be shared with</source>
        <translation>Можно передавать</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Дата согласия</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Как получено</translation>
    </message>
    <message>
        <source>Through whom</source>
        <translation>Через кого</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>Записать согласие…</translation>
    </message>
    <message>
        <source>Record who agreed to what (Insert)</source>
        <translation>Записать, кто и на что согласился (Insert)</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Отозвать…</translation>
    </message>
    <message>
        <source>Record that the selected consent was withdrawn</source>
        <translation>Отметить, что выбранное согласие отозвано</translation>
    </message>
    <message>
        <source>An export leaves out every relative who has not agreed to its audience. The man&apos;s own consent is asked for too: without it his case leaves only if you give a reason, which is kept below.</source>
        <translation>При выгрузке не передаются сведения о родственниках, которые не дали согласия именно этому получателю. Согласие самого задержанного тоже проверяется: без него дело уходит, только если вы укажете причину — она сохраняется ниже.</translation>
    </message>
    <message>
        <source>What was sent (disclosure log)</source>
        <translation>Что передавалось (журнал передачи сведений)</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Relatives left out</source>
        <translation>Скрыто родственников</translation>
    </message>
    <message>
        <source>Without his consent, because</source>
        <translation>Без его согласия, причина</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто выгрузил</translation>
    </message>
    <message>
        <source>Nothing about this case has been exported.</source>
        <translation>Сведения по этому делу ещё не передавались.</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Записать согласие</translation>
    </message>
    <message>
        <source>a passphrase</source>
        <translation>по паролю</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Yes — proof of life</source>
        <translation>Да — подтверждение жизни</translation>
    </message>
    <message>
        <source>No — second-hand</source>
        <translation>Нет — со слов других</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Heard him himself</source>
        <translation>Слышали его самого</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>сообщили</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Log a contact…</source>
        <translation>Записать контакт…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the selected contact (Ctrl+Z brings it back)</source>
        <translation>Удалить выбранный контакт (Ctrl+Z вернёт его)</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <source>Casetracker ran into a problem it did not expect, and what you just did may not have finished.</source>
        <translation>Casetracker столкнулся с непредвиденной ошибкой, и последнее действие могло не завершиться.</translation>
    </message>
    <message>
        <source>Your saved work is safe: the changes you made before this stay in the encrypted vault. The last change may not have been saved — please check it. If the app keeps misbehaving, lock it and unlock it again.

For support: %1</source>
        <translation>Сохранённые данные в безопасности: изменения, сделанные до этого, остаются в зашифрованном хранилище. Последнее изменение могло не сохраниться — проверьте его. Если приложение продолжит вести себя странно, заблокируйте и снова разблокируйте его.

Для поддержки: %1</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Create a vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <source>Vault file</source>
        <translation>Файл хранилища</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters. Several unrelated words are strong and easy to remember. There is no way to recover a forgotten passphrase except the recovery key shown next.</source>
        <translation>
            <numerusform>Не меньше %n символа. Несколько не связанных между собой слов — надёжно и легко запомнить. Забытую парольную фразу нельзя восстановить ничем, кроме ключа восстановления, который будет показан дальше.</numerusform>
            <numerusform>Не меньше %n символов. Несколько не связанных между собой слов — надёжно и легко запомнить. Забытую парольную фразу нельзя восстановить ничем, кроме ключа восстановления, который будет показан дальше.</numerusform>
            <numerusform>Не меньше %n символов. Несколько не связанных между собой слов — надёжно и легко запомнить. Забытую парольную фразу нельзя восстановить ничем, кроме ключа восстановления, который будет показан дальше.</numerusform>
        </translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <source>Where to keep the vault</source>
        <translation>Где разместить хранилище</translation>
    </message>
    <message>
        <source>Casetracker vaults (*.ctvault)</source>
        <translation>Хранилища Casetracker (*.ctvault)</translation>
    </message>
    <message>
        <source>Choose where to keep the vault.</source>
        <translation>Выберите, где будет лежать хранилище.</translation>
    </message>
    <message>
        <source>Creating the encrypted vault… this takes a moment.</source>
        <translation>Создаём зашифрованное хранилище… это займёт немного времени.</translation>
    </message>
</context>
<context>
    <name>DebriefTab</name>
    <message>
        <source>seen by %1 (debrief)</source>
        <translation>его видел %1 (опрос)</translation>
    </message>
    <message>
        <source>Men recorded at the same places while he was held there. Ask him about each of them; what he saw is logged on that man&apos;s case.</source>
        <translation>Люди, которые по нашим данным находились в тех же местах одновременно с ним. Спросите его о каждом; то, что он видел, записывается в дело этого человека.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Held with him</source>
        <translation>Где и когда был вместе с ним</translation>
    </message>
    <message>
        <source>Days since
proof of life</source>
        <translation>Дней без
связи с ним</translation>
    </message>
    <message>
        <source>He himself was last heard: %1</source>
        <translation>Последний раз слышали его самого: %1</translation>
    </message>
    <message>
        <source>He told us
about him</source>
        <translation>Рассказал
о нём</translation>
    </message>
    <message>
        <source>Men held with him</source>
        <translation>Содержавшиеся вместе с ним</translation>
    </message>
    <message>
        <source>He saw this man…</source>
        <translation>Он видел этого человека…</translation>
    </message>
    <message>
        <source>Log what he said about the selected man, on that man&apos;s case</source>
        <translation>Записать то, что он рассказал о выбранном человеке, в дело этого человека</translation>
    </message>
    <message>
        <source>Nobody else is recorded at his places at the same time.</source>
        <translation>Больше никто не записан в тех же местах в то же время.</translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>Changed name or pseudonym</source>
        <translation>Имя изменено или это псевдоним</translation>
    </message>
    <message>
        <source>Other spellings, separated by ;</source>
        <translation>Другие написания через ;</translation>
    </message>
    <message>
        <source>Separated by ;</source>
        <translation>Через ;</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Name as known</source>
        <translation>Имя, как известно</translation>
    </message>
    <message>
        <source>Other spellings</source>
        <translation>Другие написания</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Родной регион</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Служба</translation>
    </message>
    <message>
        <source>Military unit</source>
        <translation>Воинская часть</translation>
    </message>
    <message>
        <source>Home base</source>
        <translation>Место дислокации</translation>
    </message>
    <message>
        <source>Contract type</source>
        <translation>Тип контракта</translation>
    </message>
    <message>
        <source>Contract from</source>
        <translation>Контракт с</translation>
    </message>
    <message>
        <source>Contract until</source>
        <translation>Контракт до</translation>
    </message>
    <message>
        <source>Refusal date</source>
        <translation>Дата отказа</translation>
    </message>
    <message>
        <source>Detention date</source>
        <translation>Дата задержания</translation>
    </message>
    <message>
        <source>Our work</source>
        <translation>Наша работа</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Куратор</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>Адвокат</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Отменить изменения</translation>
    </message>
</context>
<context>
    <name>DuplicatePairsDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Возможные дубли</translation>
    </message>
    <message>
        <source>Each pair may be one man entered twice. Decide pair by pair: a pair marked “not the same” is never proposed again.</source>
        <translation>Каждая пара может оказаться одним человеком, внесённым дважды. Решите по каждой паре: пара с отметкой «разные люди» больше не предлагается.</translation>
    </message>
    <message>
        <source>No possible duplicates are left.</source>
        <translation>Возможных дублей не осталось.</translation>
    </message>
    <message>
        <source>&amp;Same man…</source>
        <translation>&amp;Один человек…</translation>
    </message>
    <message>
        <source>&amp;Not the same</source>
        <translation>&amp;Разные люди</translation>
    </message>
    <message>
        <source>Same — &amp;merge…</source>
        <translation>О&amp;бъединить дела…</translation>
    </message>
    <message>
        <source>O&amp;pen both cases</source>
        <translation>Открыть оба &amp;дела</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>same name, spelt differently</source>
        <translation>одно имя в разном написании</translation>
    </message>
    <message>
        <source>names one typing slip apart</source>
        <translation>имена различаются одной опечаткой</translation>
    </message>
    <message>
        <source>same birth date, similar name</source>
        <translation>одна дата рождения, похожее имя</translation>
    </message>
    <message>
        <source>marked: the same man (%1)</source>
        <translation>отмечено: один человек (%1)</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Относится к</translation>
    </message>
    <message>
        <source>this case</source>
        <translation>этому делу</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>Add a source…</source>
        <translation>Добавить источник…</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Вложить файл…</translation>
    </message>
    <message>
        <source>The file is encrypted into the vault; the original stays where it is.</source>
        <translation>Файл шифруется внутрь хранилища; оригинал остаётся на месте.</translation>
    </message>
    <message>
        <source>Sources backing this case</source>
        <translation>Источники по этому делу</translation>
    </message>
    <message>
        <source>Attachments (click to view)</source>
        <translation>Вложения (нажмите, чтобы посмотреть)</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Вложить файл</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for a lawyer</source>
        <translation>Экспорт для адвоката</translation>
    </message>
    <message>
        <source>1. Which cases</source>
        <translation>1. Какие дела</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected case(s)</source>
        <translation>
            <numerusform>%n выбранное дело</numerusform>
            <numerusform>%n выбранных дела</numerusform>
            <numerusform>%n выбранных дел</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every case in the vault (%n)</source>
        <translation>
            <numerusform>Все дела в хранилище (%n)</numerusform>
            <numerusform>Все дела в хранилище (%n)</numerusform>
            <numerusform>Все дела в хранилище (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every case with the status</source>
        <translation>Все дела со статусом</translation>
    </message>
    <message>
        <source>Status of the cases to export</source>
        <translation>Статус дел для экспорта</translation>
    </message>
    <message>
        <source>(To export only some cases, select them in the Cases list first.)</source>
        <translation>(Чтобы выгрузить только некоторые дела, сначала выберите их в списке «Дела».)</translation>
    </message>
    <message>
        <source>2. Who can open the file</source>
        <translation>2. Кто сможет открыть файл</translation>
    </message>
    <message>
        <source>People in the address book — only they can open it, with their own key</source>
        <translation>Люди из адресной книги — открыть смогут только они, своим ключом</translation>
    </message>
    <message>
        <source>Recipients: tick who may open the file</source>
        <translation>Получатели: отметьте, кто сможет открыть файл</translation>
    </message>
    <message>
        <source>The address book is empty. Add the lawyer&apos;s public key first, or use a passphrase.</source>
        <translation>Адресная книга пуста. Сначала добавьте открытый ключ адвоката или используйте парольную фразу.</translation>
    </message>
    <message>
        <source>Address book…</source>
        <translation>Адресная книга…</translation>
    </message>
    <message>
        <source>Open the address book</source>
        <translation>Открыть адресную книгу</translation>
    </message>
    <message>
        <source>A passphrase — for someone who has no key yet</source>
        <translation>Парольная фраза — для того, у кого пока нет ключа</translation>
    </message>
    <message>
        <source>Passphrase for the file</source>
        <translation>Парольная фраза для файла</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>Не меньше %n символа</numerusform>
            <numerusform>Не меньше %n символов</numerusform>
            <numerusform>Не меньше %n символов</numerusform>
        </translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation>Парольная фраза ещё раз</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>Та же парольная фраза ещё раз</translation>
    </message>
    <message>
        <source>Tell it by phone or in person — never in the same message as the file. It is not the vault&apos;s passphrase.</source>
        <translation>Сообщите её по телефону или лично — никогда не в том же сообщении, что и файл. Это не парольная фраза хранилища.</translation>
    </message>
    <message>
        <source>3. What may leave</source>
        <translation>3. Что можно передать</translation>
    </message>
    <message>
        <source>For a lawyer: the case files, as far as the relatives agreed</source>
        <translation>Для адвоката: материалы дел в пределах согласия родственников</translation>
    </message>
    <message>
        <source>For a partner organisation: the case files, as far as people agreed</source>
        <translation>Для партнёрской организации: материалы дел в пределах согласия людей</translation>
    </message>
    <message>
        <source>For media: what the men and relatives agreed a journalist may see</source>
        <translation>Для СМИ: только то, что задержанные и родственники разрешили показать журналисту</translation>
    </message>
    <message>
        <source>Anonymised: figures for statistics and advocacy, no names</source>
        <translation>Обезличенно: цифры для статистики и правозащитной работы, без имён</translation>
    </message>
    <message>
        <source>Include attached files (photos, scans) — encrypted inside the file</source>
        <translation>Включить вложения (фото, сканы) — зашифрованными внутри файла</translation>
    </message>
    <message>
        <source>What will be shared</source>
        <translation>Что будет передано</translation>
    </message>
    <message>
        <source>✓ Saved, encrypted</source>
        <translation>✓ Сохранено и зашифровано</translation>
    </message>
    <message>
        <source>The file was saved</source>
        <translation>Файл сохранён</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспортировать…</translation>
    </message>
    <message>
        <source>Why they are sent without their consent</source>
        <translation>Почему дела передаются без согласия</translation>
    </message>
    <message>
        <source>e.g. held incommunicado; his father asked for a lawyer</source>
        <translation>например: содержится без связи; отец просит найти адвоката</translation>
    </message>
    <message>
        <source>The reason is kept in each of these cases&apos; disclosure log.</source>
        <translation>Причина сохраняется в журнале передачи сведений каждого из этих дел.</translation>
    </message>
    <message>
        <source>For a journalist: the men&apos;s names, status, region, unit and dates, places (without the settlement), the kinds and dates of contacts and allegations. A relative is named only if they agreed to media; no phone numbers, messengers, cities or notes leave, no source titles, no attached files.</source>
        <translation>Для журналиста: имена задержанных, статус, регион, часть и даты, места содержания (без населённого пункта), виды и даты контактов и нарушений. Родственник называется, только если согласился на передачу СМИ; телефоны, мессенджеры, города и заметки не передаются, как и названия источников и вложенные файлы.</translation>
    </message>
    <message>
        <source>What a lawyer would get — facts, status history, custody, contact log, sources, allegations — but a relative is included only if they agreed to be shared with a partner organisation; anonymous ones only by relationship. The partner can merge the file into their own vault.</source>
        <translation>То же, что получил бы адвокат, — сведения, история статусов, места содержания, журнал контактов, источники, нарушения, — но родственник попадает в файл, только если согласился на передачу партнёрской организации; анонимный — только степенью родства. Партнёр сможет влить файл в своё хранилище.</translation>
    </message>
    <message>
        <source>Everything about the chosen cases — facts, status history, custody, contact log, sources, allegations — but a relative is included only if they agreed to be shared with a lawyer. A relative who stays anonymous is never named: only the relationship (for example “father”) leaves. The names and phone numbers of everyone withheld are also removed from notes, as written in their records.</source>
        <translation>Всё о выбранных делах — сведения, история статусов, места содержания, журнал контактов, источники, нарушения, — но родственник попадает в файл, только если согласился на передачу адвокату. Родственник, пожелавший остаться анонимным, никогда не называется: передаётся только степень родства (например, «отец»). Имена и телефоны всех, кого не передаём, также удаляются из заметок — в том написании, в каком они записаны в их карточках.</translation>
    </message>
    <message>
        <source>Only what statistics need: status and its history, home region, unit, dates, places, and the dates and kinds of contacts and allegations. No names, no relatives, no notes or words of contacts, no source titles, no attached files. Every record gets a new random number, so two such files cannot be matched.</source>
        <translation>Только то, что нужно для статистики: статус и его история, родной регион, часть, даты, места, а также даты и виды контактов и нарушений. Без имён, родственников, заметок и слов из контактов, без названий источников и вложений. Каждая запись получает новый случайный номер, поэтому два таких файла нельзя сопоставить.</translation>
    </message>
    <message>
        <source>Counting what will be shared…</source>
        <translation>Подсчитываем, что будет передано…</translation>
    </message>
    <message>
        <source>No name recorded</source>
        <translation>Имя не записано</translation>
    </message>
    <message>
        <source>The file will hold:</source>
        <translation>В файле будет:</translation>
    </message>
    <message>
        <source>Figures only, no names:</source>
        <translation>Только цифры, без имён:</translation>
    </message>
    <message numerus="yes">
        <source>No consent from the man to this audience in %n case(s): see below.</source>
        <translation>
            <numerusform>Нет согласия задержанного на передачу этому получателю в %n деле: см. ниже.</numerusform>
            <numerusform>Нет согласия задержанного на передачу этому получателю в %n делах: см. ниже.</numerusform>
            <numerusform>Нет согласия задержанного на передачу этому получателю в %n делах: см. ниже.</numerusform>
        </translation>
    </message>
    <message>
        <source>Attached files travel encrypted inside the file.</source>
        <translation>Вложения едут зашифрованными внутри файла.</translation>
    </message>
    <message>
        <source>%1 — did not agree to be shared with media</source>
        <translation>%1 — не дал(а) согласия на передачу СМИ</translation>
    </message>
    <message>
        <source>%1 — did not agree to be shared with a partner organisation</source>
        <translation>%1 — не дал(а) согласия на передачу партнёрской организации</translation>
    </message>
    <message>
        <source>%1 — did not agree to be shared with a lawyer</source>
        <translation>%1 — не дал(а) согласия на передачу адвокату</translation>
    </message>
    <message>
        <source>Their names and phone numbers are also removed from notes, where written as in their records. Check the notes for other spellings.</source>
        <translation>Их имена и телефоны также удаляются из заметок, если написаны так же, как в их карточках. Проверьте заметки на другие написания.</translation>
    </message>
    <message numerus="yes">
        <source>No names leave: not the men&apos;s, not their %n relative(s)&apos;; no notes, no source titles, no attached files.</source>
        <translation>
            <numerusform>Никакие имена не передаются — ни мужчин, ни их родственников (%n человек); ни заметки, ни названия источников, ни вложения.</numerusform>
            <numerusform>Никакие имена не передаются — ни мужчин, ни их родственников (%n человека); ни заметки, ни названия источников, ни вложения.</numerusform>
            <numerusform>Никакие имена не передаются — ни мужчин, ни их родственников (%n человек); ни заметки, ни названия источников, ни вложения.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed with this organisation&apos;s key, fingerprint:</source>
        <translation>Подписано ключом нашей организации, отпечаток:</translation>
    </message>
    <message numerus="yes">
        <source>%n attached file(s) stay here (not included).</source>
        <translation>
            <numerusform>%n вложение остаётся здесь (не включено).</numerusform>
            <numerusform>%n вложения остаются здесь (не включены).</numerusform>
            <numerusform>%n вложений остаются здесь (не включены).</numerusform>
        </translation>
    </message>
    <message>
        <source>The men&apos;s own consent</source>
        <translation>Согласие самих задержанных</translation>
    </message>
    <message>
        <source>Send without their consent:</source>
        <translation>Отправить без их согласия:</translation>
    </message>
    <message numerus="yes">
        <source>No consent from the man to this audience in %n case(s): %1.</source>
        <translation>
            <numerusform>Нет согласия задержанного на передачу этому получателю в %n деле: %1.</numerusform>
            <numerusform>Нет согласия задержанного на передачу этому получателю в %n делах: %1.</numerusform>
            <numerusform>Нет согласия задержанного на передачу этому получателю в %n делах: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Withheld, following consent:</source>
        <translation>Не передаются — по условиям согласия:</translation>
    </message>
    <message>
        <source>%1 — stays anonymous: only the relationship leaves</source>
        <translation>%1 — анонимно: передаётся только степень родства</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Every relative of these cases agreed to be shared.</source>
        <translation>Все родственники по этим делам согласились на передачу.</translation>
    </message>
    <message>
        <source>No relatives are recorded for these cases.</source>
        <translation>По этим делам родственники не записаны.</translation>
    </message>
    <message>
        <source>Wait until the summary of what will be shared is ready.</source>
        <translation>Дождитесь, пока будет готова сводка того, что передаётся.</translation>
    </message>
    <message>
        <source>Some men have not consented to this audience: tick “Send their cases without their consent” and say why, or record their consent first.</source>
        <translation>Не все задержанные согласились на передачу этому получателю: отметьте «Передать их дела без их согласия» и укажите причину или сначала запишите их согласие.</translation>
    </message>
    <message>
        <source>Tick who may open the file, or choose a passphrase instead.</source>
        <translation>Отметьте, кто сможет открыть файл, или выберите парольную фразу.</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>В парольной фразе должен быть хотя бы %n символ.</numerusform>
            <numerusform>В парольной фразе должно быть хотя бы %n символа.</numerusform>
            <numerusform>В парольной фразе должно быть хотя бы %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Две парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>Save the encrypted file</source>
        <translation>Сохранить зашифрованный файл</translation>
    </message>
    <message>
        <source>Encrypted files (*.age)</source>
        <translation>Зашифрованные файлы (*.age)</translation>
    </message>
    <message>
        <source>Making the dossier, signing and encrypting…</source>
        <translation>Готовим досье, подписываем и шифруем…</translation>
    </message>
    <message>
        <source>The vault is read-only: this export is not in its disclosure log.</source>
        <translation>Хранилище открыто только для чтения: эта выгрузка не попала в журнал передачи сведений.</translation>
    </message>
    <message>
        <source>It opens with the passphrase: tell it to the recipient by phone or in person.</source>
        <translation>Файл открывается парольной фразой: сообщите её получателю по телефону или лично.</translation>
    </message>
    <message>
        <source>Only %1 can open it.</source>
        <translation>Открыть его сможет только: %1.</translation>
    </message>
    <message>
        <source>Signed by this organisation, fingerprint %1. The recipient sees the same fingerprint when opening the file: read it to them to compare.</source>
        <translation>Подписано нашей организацией, отпечаток %1. Получатель увидит тот же отпечаток при открытии файла: прочитайте его вслух, чтобы сверить.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>FacilityDialog</name>
    <message>
        <source>New place</source>
        <translation>Новое место</translation>
    </message>
    <message>
        <source>e.g. basement of the commandant&apos;s office</source>
        <translation>например, подвал комендатуры</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Controlled by</source>
        <translation>Кто контролирует</translation>
    </message>
    <message>
        <source>Add place</source>
        <translation>Добавить место</translation>
    </message>
</context>
<context>
    <name>FlagTreeModel</name>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Days since
proof of life</source>
        <translation>Дней без
связи с ним</translation>
    </message>
    <message>
        <source>Flag raised</source>
        <translation>Сигнал с</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) at this place</source>
        <translation>
            <numerusform>%n дело в этом месте</numerusform>
            <numerusform>%n дела в этом месте</numerusform>
            <numerusform>%n дел в этом месте</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; also: %2</source>
        <translation>%1; ещё: %2</translation>
    </message>
    <message>
        <source>never heard</source>
        <translation>ни разу не выходил на связь</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Everything</source>
        <translation>Все изменения</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>любой день</translation>
    </message>
    <message>
        <source>names, words, values…</source>
        <translation>имена, слова, значения…</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Показать все</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Что:</translation>
    </message>
    <message>
        <source>W&amp;ho:</source>
        <translation>&amp;Кто:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>&amp;Найти:</translation>
    </message>
    <message>
        <source>Show changes of</source>
        <translation>Показать изменения в разделе</translation>
    </message>
    <message>
        <source>Show changes by</source>
        <translation>Показать изменения сотрудника</translation>
    </message>
    <message>
        <source>Changes on or after</source>
        <translation>Изменения начиная с дня</translation>
    </message>
    <message>
        <source>Changes on or before</source>
        <translation>Изменения по день</translation>
    </message>
    <message>
        <source>Changes with these words</source>
        <translation>Изменения с этими словами</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>The selected change in full</source>
        <translation>Выбранное изменение полностью</translation>
    </message>
    <message>
        <source>Select a change to read it in full.</source>
        <translation>Выберите изменение, чтобы прочитать его полностью.</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Все сотрудники</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n изменение</numerusform>
            <numerusform>%n изменения</numerusform>
            <numerusform>%n изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n change(s)</source>
        <translation>
            <numerusform>%1 из %n изменения</numerusform>
            <numerusform>%1 из %n изменений</numerusform>
            <numerusform>%1 из %n изменений</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Импорт таблицы</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Назад</translation>
    </message>
    <message>
        <source>Back to the previous step</source>
        <translation>Вернуться к предыдущему шагу</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Далее &gt;</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Следующий шаг</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel: nothing is imported</source>
        <translation>Отмена: ничего не импортируется</translation>
    </message>
    <message>
        <source>Bring in the cases you keep in a spreadsheet (CSV, or XLSX from Excel). The columns are matched to the case fields by their names — Russian or English — and you can correct the match. Rows that cannot be read are listed with their line number, never dropped silently. Nothing is written to the vault until you confirm on the last step.</source>
        <translation>Перенесите дела, которые вы ведёте в таблице (CSV или XLSX из Excel). Столбцы сопоставляются с полями дела по названиям — русским или английским, — и это сопоставление можно поправить. Строки, которые не удалось прочитать, перечисляются с номерами и никогда не пропадают молча. В хранилище ничего не записывается, пока вы не подтвердите на последнем шаге.</translation>
    </message>
    <message>
        <source>Choose a spreadsheet…</source>
        <translation>Выбрать таблицу…</translation>
    </message>
    <message>
        <source>Choose the spreadsheet file</source>
        <translation>Выберите файл таблицы</translation>
    </message>
    <message>
        <source>The status column of your file uses words the app does not know. Choose the status each word means. A word left at “none of these” gives no status: the next steps show what happens to those rows.</source>
        <translation>В столбце статуса в вашем файле есть слова, незнакомые приложению. Выберите, какой статус значит каждое слово. Слово, оставленное на «ничего из этого», не даёт статуса: следующие шаги покажут, что будет с такими строками.</translation>
    </message>
    <message>
        <source>The first rows as they will be read</source>
        <translation>Первые строки так, как они будут прочитаны</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>What could not be read</source>
        <translation>Что не удалось прочитать</translation>
    </message>
    <message>
        <source>What to do with their cases</source>
        <translation>Что делать с их делами</translation>
    </message>
    <message>
        <source>Import the readable rows and leave the others out</source>
        <translation>Импортировать читаемые строки, остальные пропустить</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Номер дела</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Other spellings</source>
        <translation>Другие написания</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Родной регион</translation>
    </message>
    <message>
        <source>Military unit</source>
        <translation>Воинская часть</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Контракт</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Refusal date</source>
        <translation>Дата отказа</translation>
    </message>
    <message>
        <source>Detention date</source>
        <translation>Дата задержания</translation>
    </message>
    <message>
        <source>Where held</source>
        <translation>Где содержится</translation>
    </message>
    <message>
        <source>Kind of place</source>
        <translation>Вид места</translation>
    </message>
    <message>
        <source>Settlement of the place</source>
        <translation>Населённый пункт места</translation>
    </message>
    <message>
        <source>Region of the place</source>
        <translation>Регион места</translation>
    </message>
    <message>
        <source>Held there since</source>
        <translation>Содержится там с</translation>
    </message>
    <message>
        <source>Relative (name, or “anonymous”)</source>
        <translation>Родственник (имя или «аноним»)</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Степень родства</translation>
    </message>
    <message>
        <source>Relative&apos;s phone</source>
        <translation>Телефон родственника</translation>
    </message>
    <message>
        <source>Relative stays anonymous</source>
        <translation>Родственник остаётся анонимным</translation>
    </message>
    <message>
        <source>May share with a lawyer</source>
        <translation>Можно передать адвокату</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Последний контакт</translation>
    </message>
    <message>
        <source>Heard him directly?</source>
        <translation>Слышали его самого?</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Что сказано</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Word in your file</source>
        <translation>Слово в вашем файле</translation>
    </message>
    <message>
        <source>— none of these —</source>
        <translation>— ничего из этого —</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Что будет</translation>
    </message>
    <message>
        <source>Keep a man whose row has a cell that cannot be read</source>
        <translation>Не терять человека, в строке которого есть нечитаемая ячейка</translation>
    </message>
    <message>
        <source>His row is imported with that cell empty, and the text of the cell is kept in the case&apos;s notes. The full name must be readable.</source>
        <translation>Его строка импортируется с пустой ячейкой, а текст ячейки сохраняется в заметках дела. ФИО должно читаться.</translation>
    </message>
    <message>
        <source>Rows with cells that cannot be read</source>
        <translation>Строки с нечитаемыми ячейками</translation>
    </message>
    <message>
        <source>Leave their cases as they are (their rows are skipped)</source>
        <translation>Оставить их дела как есть (их строки пропускаются)</translation>
    </message>
    <message>
        <source>Update their cases from the file (each change is kept in the case&apos;s history)</source>
        <translation>Обновить их дела из файла (каждое изменение сохраняется в истории дела)</translation>
    </message>
    <message>
        <source>The rows marked “left out” are not imported. Add those cases by hand, or fix them and import the file again: the men imported now are recognised and not added a second time.</source>
        <translation>Строки с пометкой «пропущена» не импортируются. Добавьте эти дела вручную или исправьте их и импортируйте файл снова: уже импортированные люди будут узнаны и не добавятся второй раз.</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>what each column holds</source>
        <translation>что в каждом столбце</translation>
    </message>
    <message>
        <source>what the status words mean</source>
        <translation>что значат слова статуса</translation>
    </message>
    <message>
        <source>the first rows, as they will be read</source>
        <translation>первые строки, как они будут прочитаны</translation>
    </message>
    <message>
        <source>check, then import</source>
        <translation>проверка и импорт</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Шаг %1 из %2</translation>
    </message>
    <message>
        <source>Check all rows &gt;</source>
        <translation>Проверить все строки &gt;</translation>
    </message>
    <message>
        <source>Import %1 new, update %2</source>
        <translation>Импортировать новых: %1, обновить: %2</translation>
    </message>
    <message numerus="yes">
        <source>Import %n case(s)</source>
        <translation>
            <numerusform>Импортировать %n дело</numerusform>
            <numerusform>Импортировать %n дела</numerusform>
            <numerusform>Импортировать %n дел</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>Выберите таблицу</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)</source>
        <translation>Таблицы (*.csv *.xlsx *.xlsm);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Читаем %1…</translation>
    </message>
    <message>
        <source>Reading the spreadsheet…</source>
        <translation>Читаем таблицу…</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s)</source>
        <translation>
            <numerusform>%1: %n строка</numerusform>
            <numerusform>%1: %n строки</numerusform>
            <numerusform>%1: %n строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s).</source>
        <translation>
            <numerusform>%n столбец.</numerusform>
            <numerusform>%n столбца.</numerusform>
            <numerusform>%n столбцов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) are garbled in the file itself; they are listed at the end.</source>
        <translation>
            <numerusform>%n строка повреждена в самом файле; она указана в конце.</numerusform>
            <numerusform>%n строки повреждены в самом файле; они перечислены в конце.</numerusform>
            <numerusform>%n строк повреждены в самом файле; они перечислены в конце.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remembered from your last import of a spreadsheet with these columns. Check them, then continue.</source>
        <translation>Взято из вашего прошлого импорта таблицы с такими столбцами. Проверьте и продолжайте.</translation>
    </message>
    <message>
        <source>Guessed from the column names. Check each one: choose what it holds, or “do not import”. Only the full name is required.</source>
        <translation>Угадано по названиям столбцов. Проверьте каждый: выберите, что в нём, или «не импортировать». Обязательно только ФИО.</translation>
    </message>
    <message>
        <source>Column in your file</source>
        <translation>Столбец в вашем файле</translation>
    </message>
    <message>
        <source>For example</source>
        <translation>Например</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Читать как</translation>
    </message>
    <message>
        <source>— do not import —</source>
        <translation>— не импортировать —</translation>
    </message>
    <message>
        <source>Read column %1 as</source>
        <translation>Читать столбец %1 как</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>Status meant by %1</source>
        <translation>Какой статус означает %1</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Сначала выберите файл.</translation>
    </message>
    <message>
        <source>Choose the column that holds the full name: it is required.</source>
        <translation>Выберите столбец с ФИО: он обязателен.</translation>
    </message>
    <message>
        <source>Two columns are read as “%1”: %2. Keep one.</source>
        <translation>Два столбца читаются как «%1»: %2. Оставьте один.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Не удалось прочитать: %1</translation>
    </message>
    <message>
        <source>Left empty: %1</source>
        <translation>Оставлено пустым: %1</translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s) of the file, as the vault will hold them.</source>
        <translation>
            <numerusform>Первая %n строка файла так, как она попадёт в хранилище.</numerusform>
            <numerusform>Первые %n строки файла так, как они попадут в хранилище.</numerusform>
            <numerusform>Первые %n строк файла так, как они попадут в хранилище.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them cannot be read (shown in italics, with the reason).</source>
        <translation>
            <numerusform>%n из них не читается (выделена курсивом, с причиной).</numerusform>
            <numerusform>%n из них не читаются (выделены курсивом, с причиной).</numerusform>
            <numerusform>%n из них не читаются (выделены курсивом, с причиной).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n of them a cell cannot be read: it will be left empty and its text kept in the case&apos;s notes.</source>
        <translation>
            <numerusform>В %n из них не читается ячейка: она останется пустой, а её текст сохранится в заметках дела.</numerusform>
            <numerusform>В %n из них не читается ячейка: она останется пустой, а её текст сохранится в заметках дела.</numerusform>
            <numerusform>В %n из них не читается ячейка: она останется пустой, а её текст сохранится в заметках дела.</numerusform>
        </translation>
    </message>
    <message>
        <source>The next step checks every row.</source>
        <translation>На следующем шаге проверяется каждая строка.</translation>
    </message>
    <message>
        <source>(changed name)</source>
        <translation>(имя изменено)</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>аноним</translation>
    </message>
    <message>
        <source>Reading every row (nothing is written)…</source>
        <translation>Читаем все строки (ничего не записывается)…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Проверяем все строки…</translation>
    </message>
    <message numerus="yes">
        <source>Ready to import %n case(s)</source>
        <translation>
            <numerusform>Готово к импорту: %n дело</numerusform>
            <numerusform>Готово к импорту: %n дела</numerusform>
            <numerusform>Готово к импорту: %n дел</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new place(s)</source>
        <translation>
            <numerusform>%n новое место</numerusform>
            <numerusform>%n новых места</numerusform>
            <numerusform>%n новых мест</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new relative(s)</source>
        <translation>
            <numerusform>%n новый родственник</numerusform>
            <numerusform>%n новых родственника</numerusform>
            <numerusform>%n новых родственников</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) in the log</source>
        <translation>
            <numerusform>%n контакт в журнале</numerusform>
            <numerusform>%n контакта в журнале</numerusform>
            <numerusform>%n контактов в журнале</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No new case; %n case(s) to update.</source>
        <translation>
            <numerusform>Новых дел нет; обновить %n дело.</numerusform>
            <numerusform>Новых дел нет; обновить %n дела.</numerusform>
            <numerusform>Новых дел нет; обновить %n дел.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every man in this file is already in the vault.</source>
        <translation>Все люди из этого файла уже есть в хранилище.</translation>
    </message>
    <message>
        <source>No row can be imported.</source>
        <translation>Ни одну строку нельзя импортировать.</translation>
    </message>
    <message>
        <source>Some rows use status words the app does not know (such as “%1”): go back to “what the status words mean” to say what they mean.</source>
        <translation>В некоторых строках есть незнакомые приложению слова статуса (например, «%1»): вернитесь к шагу «что значат слова статуса» и укажите, что они значат.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be read and will not be imported</source>
        <translation>
            <numerusform>%n строку не удалось прочитать, она не будет импортирована</numerusform>
            <numerusform>%n строки не удалось прочитать, они не будут импортированы</numerusform>
            <numerusform>%n строк не удалось прочитать, они не будут импортированы</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A cell cannot be read in %n row(s); the rows are imported without it</source>
        <translation>
            <numerusform>Не читается ячейка в %n строке; строка импортируется без неё</numerusform>
            <numerusform>Не читается ячейка в %n строках; строки импортируются без неё</numerusform>
            <numerusform>Не читается ячейка в %n строках; строки импортируются без неё</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left as they are: %n case(s) already in the vault.</source>
        <translation>
            <numerusform>Оставлено как есть: %n дело, которое уже было в хранилище.</numerusform>
            <numerusform>Оставлено как есть: %n дела, которые уже были в хранилище.</numerusform>
            <numerusform>Оставлено как есть: %n дел, которые уже были в хранилище.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import the %n readable case(s) and leave the rows listed above out</source>
        <translation>
            <numerusform>Импортировать %n читаемое дело, строки выше пропустить</numerusform>
            <numerusform>Импортировать %n читаемых дела, строки выше пропустить</numerusform>
            <numerusform>Импортировать %n читаемых дел, строки выше пропустить</numerusform>
        </translation>
    </message>
    <message>
        <source>row left out</source>
        <translation>строка пропущена</translation>
    </message>
    <message>
        <source>left empty, text kept in the notes</source>
        <translation>оставлено пустым, текст в заметках</translation>
    </message>
    <message numerus="yes">
        <source>Already in the vault (the same case reference, or the same name and date of birth): %n row(s) of this file (lines %1)</source>
        <translation>
            <numerusform>Уже есть в хранилище (тот же номер дела или те же ФИО и дата рождения): %n строка этого файла (строки %1)</numerusform>
            <numerusform>Уже есть в хранилище (тот же номер дела или те же ФИО и дата рождения): %n строки этого файла (строки %1)</numerusform>
            <numerusform>Уже есть в хранилище (тот же номер дела или те же ФИО и дата рождения): %n строк этого файла (строки %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick the box to leave out the rows that cannot be read, or cancel.</source>
        <translation>Поставьте отметку, чтобы пропустить нечитаемые строки, или отмените.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Ничего не импортировано: %1</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Ничего не импортировано.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n case(s).</source>
        <translation>
            <numerusform>Импортировано %n дело.</numerusform>
            <numerusform>Импортировано %n дела.</numerusform>
            <numerusform>Импортировано %n дел.</numerusform>
        </translation>
    </message>
    <message>
        <source>New places: %1. New relatives: %2. Contacts in the log: %3.</source>
        <translation>Новых мест: %1. Новых родственников: %2. Контактов в журнале: %3.</translation>
    </message>
    <message numerus="yes">
        <source>Updated %n case(s) already in the vault; their history shows what changed.</source>
        <translation>
            <numerusform>Обновлено %n дело, которое уже было в хранилище; его история показывает, что изменилось.</numerusform>
            <numerusform>Обновлено %n дела, которые уже были в хранилище; их история показывает, что изменилось.</numerusform>
            <numerusform>Обновлено %n дел, которые уже были в хранилище; их история показывает, что изменилось.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n row(s) a cell could not be read: it was left empty and its text kept in the case&apos;s notes.</source>
        <translation>
            <numerusform>В %n строке не читалась ячейка: она оставлена пустой, а её текст сохранён в заметках дела.</numerusform>
            <numerusform>В %n строках не читалась ячейка: она оставлена пустой, а её текст сохранён в заметках дела.</numerusform>
            <numerusform>В %n строках не читалась ячейка: она оставлена пустой, а её текст сохранён в заметках дела.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) that could not be read were left out.</source>
        <translation>
            <numerusform>%n нечитаемая строка пропущена.</numerusform>
            <numerusform>%n нечитаемые строки пропущены.</numerusform>
            <numerusform>%n нечитаемых строк пропущено.</numerusform>
        </translation>
    </message>
    <message>
        <source>The column choices are remembered for the next spreadsheet with these columns.</source>
        <translation>Выбор столбцов запомнен для следующей таблицы с такими же столбцами.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite a colleague</source>
        <translation>Пригласить коллегу</translation>
    </message>
    <message>
        <source>The new member&apos;s name</source>
        <translation>Имя нового участника</translation>
    </message>
    <message>
        <source>May administer the team (invite and remove members)</source>
        <translation>Может управлять командой (приглашать и исключать участников)</translation>
    </message>
    <message>
        <source>Make the invitation</source>
        <translation>Создать приглашение</translation>
    </message>
    <message>
        <source>Invitation code</source>
        <translation>Код приглашения</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy to the clipboard; it is cleared from there after 30 seconds</source>
        <translation>Скопировать в буфер обмена; через 30 секунд он оттуда удаляется</translation>
    </message>
    <message>
        <source>Hand this code over in person; anyone who has it can join as this person until they do.</source>
        <translation>Передайте этот код лично: любой, у кого он есть, может вступить под именем этого человека, пока тот сам не вступил.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>&amp;Name as the team will see it:</source>
        <translation>&amp;Имя, которое увидит команда:</translation>
    </message>
    <message>
        <source>The invitation makes a login on the server for this person alone. They join with a new, empty vault; your next sync lets them in.</source>
        <translation>Приглашение создаёт на сервере вход только для этого человека. Он вступает с новым, пустым хранилищем; ваша следующая синхронизация впускает его.</translation>
    </message>
    <message>
        <source>Give the new member&apos;s name.</source>
        <translation>Укажите имя нового участника.</translation>
    </message>
    <message>
        <source>Making the invitation…</source>
        <translation>Создаётся приглашение…</translation>
    </message>
</context>
<context>
    <name>JournalBanner</name>
    <message>
        <source>Part of the vault file failed its integrity check, so the changes saved after it are not in the vault. A copy of the whole file was kept beside the vault (its name ends in “damaged” and the time) for a specialist. Check the cases you worked on last.</source>
        <translation>Часть файла хранилища не прошла проверку целостности, поэтому изменения, сохранённые после неё, в хранилище не попали. Копия всего файла оставлена рядом с хранилищем (её имя заканчивается на «damaged» и время) — для специалиста. Проверьте дела, с которыми вы работали последними.</translation>
    </message>
    <message>
        <source>The last change saved before Casetracker stopped was cut off on the disk and is not in the vault. Check the case you worked on last.</source>
        <translation>Последнее изменение перед остановкой Casetracker не успело целиком записаться на диск, и в хранилище его нет. Проверьте дело, с которым вы работали последним.</translation>
    </message>
    <message>
        <source>Understood</source>
        <translation>Понятно</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Write a letter</source>
        <translation>Составить письмо</translation>
    </message>
    <message>
        <source>No request: the addressee is filled in by hand</source>
        <translation>Без запроса: адресата вписать от руки</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>№ %1</translation>
    </message>
    <message>
        <source>Edit template…</source>
        <translation>Изменить шаблон…</translation>
    </message>
    <message>
        <source>Text of the letter</source>
        <translation>Текст письма</translation>
    </message>
    <message>
        <source>You may change the text before saving; the template stays as it was. Print the saved file, sign it and send it.</source>
        <translation>Текст можно поправить перед сохранением, шаблон при этом не изменится. Распечатайте сохранённый файл, подпишите и отправьте.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Save as ODT…</source>
        <translation>Сохранить в ODT…</translation>
    </message>
    <message>
        <source>Save as Word (.docx)…</source>
        <translation>Сохранить в Word (.docx)…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Fill the letter again</source>
        <translation>Заполнить письмо заново</translation>
    </message>
    <message>
        <source>Fill the letter again from the template? Your changes to it are lost.</source>
        <translation>Заполнить письмо заново по шаблону? Ваши правки в нём пропадут.</translation>
    </message>
    <message>
        <source>Not in the vault, so left as blank lines to fill in by hand: %1.</source>
        <translation>Этих сведений нет в хранилище, на их месте пустые строки, чтобы вписать от руки: %1.</translation>
    </message>
    <message>
        <source>Close without saving the letter? Your changes to it are lost.</source>
        <translation>Закрыть, не сохранив письмо? Ваши правки в нём пропадут.</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>Текст OpenDocument (*.odt)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Документ Word (*.docx)</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>Сохранить письмо</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Сохранено: %1.</translation>
    </message>
</context>
<context>
    <name>LetterTemplateDialog</name>
    <message>
        <source>Letter template</source>
        <translation>Шаблон письма</translation>
    </message>
    <message>
        <source>Text of the template</source>
        <translation>Текст шаблона</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>Поля для подстановки</translation>
    </message>
    <message>
        <source>Insert into the text</source>
        <translation>Вставить в текст</translation>
    </message>
    <message>
        <source>Reset to default…</source>
        <translation>Вернуть исходный текст…</translation>
    </message>
    <message>
        <source>Words in braces are filled from the case when a letter is written; a fact the vault does not hold becomes a blank line to fill in by hand. Write a brace twice, {{ or }}, to print one.</source>
        <translation>Слова в фигурных скобках заменяются сведениями из дела, когда составляется письмо; если каких-то сведений в хранилище нет, на их месте остаётся пустая строка, чтобы вписать от руки. Чтобы напечатать фигурную скобку, напишите её дважды: {{ или }}.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Сохранить шаблон</translation>
    </message>
    <message>
        <source>Changed by your organisation.</source>
        <translation>Текст изменён в вашей организации.</translation>
    </message>
    <message>
        <source>The app&apos;s own text.</source>
        <translation>Исходный текст программы.</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Вернуть исходный текст</translation>
    </message>
    <message>
        <source>Put the app&apos;s own text back? Your organisation&apos;s version is replaced.</source>
        <translation>Вернуть исходный текст программы? Текст вашей организации будет заменён.</translation>
    </message>
    <message>
        <source>Close without saving the template? Your changes to it are lost.</source>
        <translation>Закрыть, не сохранив шаблон? Ваши правки в нём пропадут.</translation>
    </message>
</context>
<context>
    <name>LetterTemplatesBox</name>
    <message>
        <source>Letter templates</source>
        <translation>Шаблоны писем</translation>
    </message>
    <message>
        <source>Letters to officials are written from these templates (a case window: Write a letter…). Your changes are kept in the vault for everyone using it.</source>
        <translation>По этим шаблонам составляются письма в государственные органы и организации (в окне дела: «Составить письмо…»). Ваши изменения хранятся в хранилище и видны всем, кто с ним работает.</translation>
    </message>
    <message>
        <source>Edit template…</source>
        <translation>Изменить шаблон…</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>изменён</translation>
    </message>
    <message>
        <source>the app&apos;s text</source>
        <translation>исходный текст</translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <source>Log a contact</source>
        <translation>Записать контакт</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Type a reference or a name</source>
        <translation>Введите номер или имя</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>He himself was heard — proof of life</source>
        <translation>Слышали его самого — подтверждение жизни</translation>
    </message>
    <message>
        <source>Only news about him (second-hand)</source>
        <translation>Только вести о нём (со слов других)</translation>
    </message>
    <message>
        <source>Who reported</source>
        <translation>Кто сообщил</translation>
    </message>
    <message>
        <source>e.g. the father spoke with his son</source>
        <translation>например, отец говорил с сыном</translation>
    </message>
    <message>
        <source>Reports a transfer (he is being moved)</source>
        <translation>Сообщает о переводе (его перемещают)</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Что сказано</translation>
    </message>
    <message>
        <source>No change of status</source>
        <translation>Статус не меняется</translation>
    </message>
    <message>
        <source>No move</source>
        <translation>Перевода нет</translation>
    </message>
    <message>
        <source>How sure</source>
        <translation>Насколько достоверно</translation>
    </message>
    <message>
        <source>Heard</source>
        <translation>Кого слышали</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Кто сообщил</translation>
    </message>
    <message>
        <source>Who spoke with whom</source>
        <translation>Кто с кем говорил</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Also record (optional)</source>
        <translation>Записать заодно (необязательно)</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Новый статус</translation>
    </message>
    <message>
        <source>Moved to</source>
        <translation>Переведён в</translation>
    </message>
    <message>
        <source>Type the day alone if the hour is not known; a month or a range (1–8 July 2024) if the day is not.</source>
        <translation>Если час не известен, введите только день; если не известен и день — месяц или промежуток (1–8 июля 2024).</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>Записать контакт</translation>
    </message>
    <message>
        <source>Only a contact in which he himself was heard resets the clock.</source>
        <translation>Отсчёт обнуляет только контакт, в котором слышали его самого.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Аноним</translation>
    </message>
    <message>
        <source>Choose the case this contact is about.</source>
        <translation>Выберите дело, к которому относится контакт.</translation>
    </message>
    <message>
        <source>Say whether he himself was heard, or only news about him.</source>
        <translation>Укажите, слышали ли его самого или только вести о нём.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Casetracker</source>
        <translation>Casetracker</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <source>Open a case for a man we have not followed yet</source>
        <translation>Открыть дело на человека, которого мы ещё не ведём</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Записать контакт</translation>
    </message>
    <message>
        <source>Record a call, message or visit about the selected case</source>
        <translation>Записать звонок, сообщение или визит по выбранному делу</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Search the cases</source>
        <translation>Поиск по делам</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Lock the vault now: everything disappears until the passphrase is typed</source>
        <translation>Заблокировать хранилище сейчас: всё скроется, пока не будет введена парольная фраза</translation>
    </message>
    <message>
        <source>Export for a lawyer…</source>
        <translation>Экспорт для адвоката…</translation>
    </message>
    <message>
        <source>An encrypted, signed file of the chosen cases for a lawyer or a partner</source>
        <translation>Зашифрованный подписанный файл с выбранными делами для адвоката или партнёров</translation>
    </message>
    <message>
        <source>Open a bundle…</source>
        <translation>Открыть пакет…</translation>
    </message>
    <message>
        <source>Check a file from a partner and merge it into the vault</source>
        <translation>Проверить файл от партнёров и объединить его с хранилищем</translation>
    </message>
    <message>
        <source>Import a spreadsheet…</source>
        <translation>Импорт таблицы…</translation>
    </message>
    <message>
        <source>Bring in cases from your own CSV or Excel spreadsheet</source>
        <translation>Перенести дела из вашей таблицы CSV или Excel</translation>
    </message>
    <message>
        <source>Address book and keys…</source>
        <translation>Адресная книга и ключи…</translation>
    </message>
    <message>
        <source>Our public key and fingerprint; the people we send files to</source>
        <translation>Наш открытый ключ и отпечаток; те, кому мы отправляем файлы</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>Send this laptop&apos;s changes to the team and take in the others&apos;</source>
        <translation>Отправить изменения с этого ноутбука команде и получить изменения остальных</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Save, lock and close Casetracker</source>
        <translation>Сохранить, запереть и закрыть Casetracker</translation>
    </message>
    <message>
        <source>Try saving again</source>
        <translation>Попробовать сохранить снова</translation>
    </message>
    <message>
        <source>Demo vault: fictional people</source>
        <translation>Демо-хранилище: вымышленные люди</translation>
    </message>
    <message>
        <source>Only fictional people; the vault is deleted when you quit.</source>
        <translation>Только вымышленные люди; хранилище удаляется при выходе.</translation>
    </message>
    <message>
        <source>Lock (Ctrl+Shift+L)</source>
        <translation>Заблокировать (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Read-only: nothing here can be changed</source>
        <translation>Только для чтения: здесь ничего нельзя изменить</translation>
    </message>
    <message>
        <source>All changes saved, encrypted</source>
        <translation>Все изменения сохранены и зашифрованы</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Конфликты (%1)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two cases</source>
        <translation>Объединить два дела</translation>
    </message>
    <message>
        <source>Which case stays?</source>
        <translation>Какое дело оставить?</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Оставить %1</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z, or Undo in the toolbar) puts both cases back exactly as they were.</source>
        <translation>«Отменить» (Ctrl+Z или кнопка на панели) вернёт оба дела точно такими, какими они были.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Everything recorded on %1 moves to %2: %3.</source>
        <translation>Всё, что записано в деле %1, переносится в дело %2: %3.</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>пока ничего</translation>
    </message>
    <message>
        <source>Where both hold the same relative, source or flag, it is kept once. Details that differ are written into the notes of %2; %1 becomes another spelling of his name, so searching for %1 finds %2. Case %1 itself is then removed.</source>
        <translation>Если в обоих делах есть один и тот же родственник, источник или сигнал, он останется в одном экземпляре. Несовпадающие сведения записываются в заметки дела %2; %1 становится другим написанием его имени, и поиск по %1 найдёт дело %2. Само дело %1 после этого удаляется.</translation>
    </message>
</context>
<context>
    <name>MomentEdit</name>
    <message>
        <source>e.g. 19.07.2026 18:00; the time may be left out</source>
        <translation>например, 19.07.2026 18:00; время можно не указывать</translation>
    </message>
    <message>
        <source>Type the day of the contact, and the time if known.</source>
        <translation>Введите день контакта и, если известно, время.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Where is he held now?</source>
        <translation>Где он содержится сейчас?</translation>
    </message>
    <message>
        <source>Choose a place…</source>
        <translation>Выберите место…</translation>
    </message>
    <message>
        <source>A new place (name it below)</source>
        <translation>Новое место (назовите ниже)</translation>
    </message>
    <message>
        <source>Name of the new place</source>
        <translation>Название нового места</translation>
    </message>
    <message>
        <source>Town or village</source>
        <translation>Город или село</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>Новое место</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>С</translation>
    </message>
    <message>
        <source>How sure</source>
        <translation>Насколько достоверно</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Record move</source>
        <translation>Записать перевод</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <source>Surname, first name, patronymic — as known</source>
        <translation>Фамилия, имя, отчество — как известно</translation>
    </message>
    <message>
        <source>This is a changed name or a pseudonym</source>
        <translation>Это изменённое имя или псевдоним</translation>
    </message>
    <message>
        <source>Other spellings, separated by ;</source>
        <translation>Другие написания через ;</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Other spellings</source>
        <translation>Другие написания</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Родной регион</translation>
    </message>
    <message>
        <source>Military unit</source>
        <translation>Воинская часть</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Refusal date</source>
        <translation>Дата отказа</translation>
    </message>
    <message>
        <source>Detention date</source>
        <translation>Дата задержания</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Куратор</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Create case</source>
        <translation>Создать дело</translation>
    </message>
    <message>
        <source>Possibly already in the vault: %1. Check before creating a second case.</source>
        <translation>Возможно, уже есть в хранилище: %1. Проверьте, прежде чем заводить второе дело.</translation>
    </message>
    <message>
        <source>A case needs at least a name as it is known.</source>
        <translation>Для дела нужно хотя бы имя — в том виде, в каком оно известно.</translation>
    </message>
</context>
<context>
    <name>NewPassphrasePage</name>
    <message>
        <source>Choose a new passphrase</source>
        <translation>Выберите новую парольную фразу</translation>
    </message>
    <message>
        <source>You opened the vault with the recovery key. Choose a new passphrase now: from then on it opens the vault. The recovery key keeps working.</source>
        <translation>Вы открыли хранилище ключом восстановления. Выберите сейчас новую парольную фразу: дальше хранилище будет открываться ею. Ключ восстановления продолжит действовать.</translation>
    </message>
    <message>
        <source>Set the passphrase and open the vault</source>
        <translation>Задать парольную фразу и открыть хранилище</translation>
    </message>
    <message>
        <source>Setting the new passphrase… this takes a moment.</source>
        <translation>Задаём новую парольную фразу… это займёт немного времени.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Новый ключ восстановления</translation>
    </message>
    <message>
        <source>A new recovery key replaces the current one: the old key will no longer open the vault or its backups. The new key is shown once; have paper ready to write it down.</source>
        <translation>Новый ключ восстановления заменит нынешний: старый ключ больше не откроет ни хранилище, ни его резервные копии. Новый ключ будет показан один раз — приготовьте бумагу, чтобы записать его.</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>Создать новый ключ восстановления</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>not known</source>
        <translation>неизвестно</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Повторите парольную фразу</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Ещё раз</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters. Several unrelated words are strong and easy to remember.</source>
        <translation>
            <numerusform>Не меньше %n символа. Несколько не связанных между собой слов — надёжно и легко запомнить.</numerusform>
            <numerusform>Не меньше %n символов. Несколько не связанных между собой слов — надёжно и легко запомнить.</numerusform>
            <numerusform>Не меньше %n символов. Несколько не связанных между собой слов — надёжно и легко запомнить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>В парольной фразе должен быть хотя бы %n символ.</numerusform>
            <numerusform>В парольной фразе должно быть хотя бы %n символа.</numerusform>
            <numerusform>В парольной фразе должно быть хотя бы %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>Две парольные фразы пока не совпадают.</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>Слишком короткая</translation>
    </message>
    <message>
        <source>Weak: add another word</source>
        <translation>Слабая: добавьте ещё слово</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Средняя</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Надёжная</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>Anonymous</source>
        <translation>Аноним</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Relatives and others who report on cases</source>
        <translation>Родственники и другие, кто сообщает о делах</translation>
    </message>
    <message>
        <source>Find by name, phone, messenger or city</source>
        <translation>Поиск по имени, телефону, мессенджеру или городу</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Поиск людей</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>Messengers</source>
        <translation>Мессенджеры</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Copy phone</source>
        <translation>Копировать телефон</translation>
    </message>
    <message>
        <source>Copy messenger</source>
        <translation>Копировать мессенджер</translation>
    </message>
    <message>
        <source>Cases this person reports on (double-click to open)</source>
        <translation>Дела, о которых сообщает этот человек (двойной щелчок — открыть)</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Cases this person reports on</source>
        <translation>Дела, о которых сообщает этот человек</translation>
    </message>
    <message>
        <source>Select a person</source>
        <translation>Выберите человека</translation>
    </message>
    <message>
        <source>Wants to stay anonymous: their identity is never shared.</source>
        <translation>Хочет остаться анонимным: личность никогда не передаётся.</translation>
    </message>
    <message>
        <source>What they agreed to share is recorded in each case&apos;s Consent tab.</source>
        <translation>На что человек дал согласие, записано во вкладке «Согласие» каждого дела.</translation>
    </message>
</context>
<context>
    <name>PlacesView</name>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Find a place by name, town, region or controller</source>
        <translation>Поиск места по названию, населённому пункту, региону или тому, кто контролирует</translation>
    </message>
    <message>
        <source>Search places</source>
        <translation>Поиск мест</translation>
    </message>
    <message>
        <source>New place…</source>
        <translation>Новое место…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Controlled by</source>
        <translation>Кто контролирует</translation>
    </message>
    <message>
        <source>Held now</source>
        <translation>Сейчас содержатся</translation>
    </message>
    <message>
        <source>Reported head-count</source>
        <translation>Сообщённая численность</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Дата сообщения</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Кто сообщил</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Save place</source>
        <translation>Сохранить место</translation>
    </message>
    <message>
        <source>Held here now (double-click to open)</source>
        <translation>Сейчас содержатся здесь (двойной щелчок — открыть)</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Сигналы</translation>
    </message>
    <message>
        <source>Cases held here</source>
        <translation>Дела людей, содержащихся здесь</translation>
    </message>
    <message>
        <source>Select a place</source>
        <translation>Выберите место</translation>
    </message>
    <message>
        <source>A place needs a name, even a descriptive one.</source>
        <translation>У места должно быть название, хотя бы описательное.</translation>
    </message>
    <message>
        <source>Edit place</source>
        <translation>Изменить место</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>This vault is read-only: it is on a drive or in a folder Casetracker cannot write to, so you can read it but not change it. Copy it to a folder you can write to to make changes.</source>
        <translation>Это хранилище только для чтения: оно на диске или в папке, куда Casetracker не может записывать, поэтому его можно читать, но не изменять. Чтобы вносить изменения, скопируйте его в папку, куда можно записывать.</translation>
    </message>
    <message>
        <source>It was made by an older version of Casetracker; it opened, but the update it needs cannot be saved here.</source>
        <translation>Оно создано более старой версией Casetracker; оно открылось, но нужное ему обновление здесь сохранить нельзя.</translation>
    </message>
</context>
<context>
    <name>RecipientsDialog</name>
    <message>
        <source>Address book and keys</source>
        <translation>Адресная книга и ключи</translation>
    </message>
    <message>
        <source>This organisation</source>
        <translation>Наша организация</translation>
    </message>
    <message>
        <source>Our public key</source>
        <translation>Наш открытый ключ</translation>
    </message>
    <message>
        <source>Our signing fingerprint</source>
        <translation>Отпечаток нашего ключа подписи</translation>
    </message>
    <message>
        <source>Our signing key</source>
        <translation>Наш ключ подписи</translation>
    </message>
    <message>
        <source>Give the public key to partners who send you files. Anyone who opens a file you made sees the signing fingerprint: read it to them over the phone so they know the file is really from you. Partners who add your signing key recognise your files by name.</source>
        <translation>Передайте открытый ключ партнёрам, которые присылают вам файлы. Каждый, кто открывает созданный вами файл, видит отпечаток ключа подписи: прочитайте его по телефону, чтобы получатель знал, что файл действительно от вас. Партнёры, добавившие ваш ключ подписи, узнают ваши файлы по имени.</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Открытый ключ</translation>
    </message>
    <message>
        <source>Signing fingerprint</source>
        <translation>Отпечаток ключа подписи</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Ключ подписи</translation>
    </message>
    <message>
        <source>People and organisations we send files to</source>
        <translation>Люди и организации, которым мы отправляем файлы</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Отпечаток ключа</translation>
    </message>
    <message>
        <source>Files recognised</source>
        <translation>Файлы узнаются</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Their signing key is known: files they make are shown with their name and imported without asking.</source>
        <translation>Их ключ подписи известен: созданные ими файлы показываются с их именем и импортируются без вопроса.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <source>Remove from the address book…</source>
        <translation>Удалить из адресной книги…</translation>
    </message>
    <message>
        <source>Remove the selected recipient</source>
        <translation>Удалить выбранного получателя</translation>
    </message>
    <message>
        <source>Add someone</source>
        <translation>Добавить получателя</translation>
    </message>
    <message>
        <source>e.g. Lawyer E. Petrova, or the partner organisation</source>
        <translation>например, адвокат Е. Петрова или организация-партнёр</translation>
    </message>
    <message>
        <source>lawyer</source>
        <translation>адвокат</translation>
    </message>
    <message>
        <source>partner organisation</source>
        <translation>организация-партнёр</translation>
    </message>
    <message>
        <source>journalist</source>
        <translation>журналист</translation>
    </message>
    <message>
        <source>Their age public key</source>
        <translation>Их открытый ключ age</translation>
    </message>
    <message>
        <source>Their signing key (optional)</source>
        <translation>Их ключ подписи (необязательно)</translation>
    </message>
    <message>
        <source>ed25519:… — optional, so files from them are recognised</source>
        <translation>ed25519:… — необязательно; нужен, чтобы узнавать их файлы</translation>
    </message>
    <message>
        <source>e.g. fingerprint checked by phone on 12.08.</source>
        <translation>например, отпечаток сверен по телефону 12.08.</translation>
    </message>
    <message>
        <source>Add to the address book</source>
        <translation>Добавить в адресную книгу</translation>
    </message>
    <message>
        <source>Age public key</source>
        <translation>Открытый ключ age</translation>
    </message>
    <message>
        <source>its fingerprint: %1</source>
        <translation>его отпечаток: %1</translation>
    </message>
    <message>
        <source>Copied. It is cleared from the clipboard after 30 seconds.</source>
        <translation>Скопировано. Через 30 секунд буфер обмена будет очищен.</translation>
    </message>
    <message>
        <source>Fingerprint %1 — ask them to read theirs to you and compare.</source>
        <translation>Отпечаток %1 — попросите их прочитать свой и сверьте.</translation>
    </message>
    <message>
        <source>Paste their age public key: it starts with age1 and has 62 characters.</source>
        <translation>Вставьте их открытый ключ age: он начинается с age1 и состоит из 62 символов.</translation>
    </message>
    <message>
        <source>Added %1. Key fingerprint %2: compare it with theirs.</source>
        <translation>Добавлено: %1. Отпечаток ключа %2 — сверьте его с их отпечатком.</translation>
    </message>
    <message>
        <source>Remove from the address book?</source>
        <translation>Удалить из адресной книги?</translation>
    </message>
    <message>
        <source>Remove %1? Files already sent stay readable for them; you can add them again.</source>
        <translation>Удалить «%1»? Уже отправленные файлы они по-прежнему смогут прочитать; добавить их снова можно в любой момент.</translation>
    </message>
    <message>
        <source>Removed %1 from the address book.</source>
        <translation>«%1» удалён(а) из адресной книги.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Write down your recovery key</source>
        <translation>Запишите ключ восстановления</translation>
    </message>
    <message>
        <source>If the passphrase is ever forgotten, this key opens the vault. Write it on paper and keep it somewhere safe, away from this laptop. It is shown only now and is not stored anywhere in readable form.</source>
        <translation>Если парольная фраза когда-нибудь забудется, этот ключ откроет хранилище. Запишите его на бумаге и храните в надёжном месте, отдельно от этого ноутбука. Он показывается только сейчас и нигде не хранится в читаемом виде.</translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation>Скопировать ключ</translation>
    </message>
    <message>
        <source>Copies it to the clipboard for 30 seconds, e.g. for a password manager.</source>
        <translation>Копирует ключ в буфер обмена на 30 секунд, например для менеджера паролей.</translation>
    </message>
    <message>
        <source>Copied; the clipboard is cleared in 30 seconds.</source>
        <translation>Скопировано; через 30 секунд буфер обмена будет очищен.</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Я его записал(а)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>RelativeDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Изменить данные человека</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Добавить человека</translation>
    </message>
    <message>
        <source>e.g. father, wife, comrade</source>
        <translation>например, отец, жена, сослуживец</translation>
    </message>
    <message>
        <source>Several separated by ;</source>
        <translation>Несколько — через ;</translation>
    </message>
    <message>
        <source>Messenger handles, separated by ;</source>
        <translation>Имена в мессенджерах через ;</translation>
    </message>
    <message>
        <source>Wants to stay anonymous: never share who they are</source>
        <translation>Хочет остаться анонимным: никогда не раскрывать, кто это</translation>
    </message>
    <message>
        <source>What they agree to share, and with whom, is recorded for each case: Consent… in the Relatives tab, or the case&apos;s Consent tab.</source>
        <translation>Согласие на передачу сведений и кому именно записывается отдельно для каждого дела: кнопка «Согласие…» во вкладке «Родственники» или вкладка «Согласие» в деле.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Кем приходится</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>Messengers</source>
        <translation>Мессенджеры</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
</context>
<context>
    <name>RelativesTab</name>
    <message>
        <source>Anonymous</source>
        <translation>Аноним</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Кем приходится</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>Messengers</source>
        <translation>Мессенджеры</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Stays anonymous</source>
        <translation>Анонимно</translation>
    </message>
    <message>
        <source>Agreed to share with</source>
        <translation>Согласие на передачу</translation>
    </message>
    <message>
        <source>Relatives</source>
        <translation>Родственники</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Добавить человека…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Consent…</source>
        <translation>Согласие…</translation>
    </message>
    <message>
        <source>Record what the selected person agreed to, for this case</source>
        <translation>Записать согласие выбранного человека по этому делу</translation>
    </message>
    <message>
        <source>Copy phone</source>
        <translation>Копировать телефон</translation>
    </message>
    <message>
        <source>Copy messenger</source>
        <translation>Копировать мессенджер</translation>
    </message>
    <message>
        <source>Copied numbers leave the clipboard after 30 seconds.</source>
        <translation>Скопированные номера удаляются из буфера обмена через 30 секунд.</translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message>
        <source>Remove from the team</source>
        <translation>Исключить из команды</translation>
    </message>
    <message>
        <source>Remove %1 from the team? They keep what their laptop already holds, but get nothing written from now on: the team&apos;s key changes and they are not given the new one, and their login to the server is closed.</source>
        <translation>Исключить из команды: %1? У участника останется то, что уже есть на его ноутбуке, но ничего записанного с этого момента он не получит: ключ команды меняется, новый ему не передаётся, а его вход на сервер закрывается.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Исключить</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Исключается %1…</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>Все месяцы</translation>
    </message>
    <message>
        <source>Months shown</source>
        <translation>Показанные месяцы</translation>
    </message>
    <message>
        <source>&amp;Months:</source>
        <translation>&amp;Месяцы:</translation>
    </message>
    <message>
        <source>With case &amp;references</source>
        <translation>С &amp;номерами дел</translation>
    </message>
    <message>
        <source>Without it the CSV holds counts only, safe to pass on. With it, each count lists the cases&apos; references (never names): keep that file inside the team.</source>
        <translation>Без отметки в CSV только числа — такой файл можно передавать. С отметкой к каждому числу добавляются номера дел (имён там нет никогда): такой файл держите внутри команды.</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Сохранить CSV…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Status over time</source>
        <translation>Статусы по месяцам</translation>
    </message>
    <message>
        <source>New detentions</source>
        <translation>Новые задержания</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Без связи</translation>
    </message>
    <message>
        <source>Places over time</source>
        <translation>Места по месяцам</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>Cases by status</source>
        <translation>Дела по статусам</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Held now, by place</source>
        <translation>Содержатся сейчас, по местам</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Cases by home region</source>
        <translation>Дела по родным регионам</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Cases by military unit</source>
        <translation>Дела по воинским частям</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Часть</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дел</translation>
    </message>
    <message>
        <source>Choose one of the charts&apos; tabs to export it.</source>
        <translation>Откройте вкладку с графиком, чтобы сохранить его в CSV.</translation>
    </message>
    <message>
        <source>The report could not be counted</source>
        <translation>Не удалось посчитать отчёт</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in the vault</source>
        <translation>
            <numerusform>%n дело в хранилище</numerusform>
            <numerusform>%n дела в хранилище</numerusform>
            <numerusform>%n дел в хранилище</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still open</source>
        <translation>
            <numerusform>%n ещё открыто</numerusform>
            <numerusform>%n ещё открыты</numerusform>
            <numerusform>%n ещё открыто</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the report as CSV</source>
        <translation>Сохранить отчёт в CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>The report was not saved</source>
        <translation>Отчёт не сохранён</translation>
    </message>
    <message>
        <source>Print the reports</source>
        <translation>Печать отчётов</translation>
    </message>
    <message>
        <source>The reports were not printed</source>
        <translation>Отчёты не напечатаны</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>New request</source>
        <translation>Новый запрос</translation>
    </message>
    <message>
        <source>Record the reply</source>
        <translation>Ответ на запрос</translation>
    </message>
    <message>
        <source>Edit request</source>
        <translation>Изменить запрос</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>Куда</translation>
    </message>
    <message>
        <source>e.g. Military prosecutor&apos;s office of the garrison</source>
        <translation>например, военная прокуратура гарнизона</translation>
    </message>
    <message>
        <source>Body or official</source>
        <translation>Орган или должностное лицо</translation>
    </message>
    <message>
        <source>day sent</source>
        <translation>дата отправки</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>How it was sent</source>
        <translation>Как отправлен</translation>
    </message>
    <message>
        <source>Our outgoing No.</source>
        <translation>Наш исх. №</translation>
    </message>
    <message>
        <source>once they tell us</source>
        <translation>когда сообщат</translation>
    </message>
    <message>
        <source>Their registration No.</source>
        <translation>Их вх. №</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Подписал</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>О чём просили</translation>
    </message>
    <message>
        <source>no reply yet</source>
        <translation>ответа пока нет</translation>
    </message>
    <message>
        <source>Reply received on</source>
        <translation>Ответ получен</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>What the reply amounts to</source>
        <translation>Суть ответа</translation>
    </message>
    <message>
        <source>What the reply says</source>
        <translation>Что сказано в ответе</translation>
    </message>
    <message>
        <source>Attach a scan…</source>
        <translation>Приложить скан…</translation>
    </message>
    <message>
        <source>No longer pursued (withdrawn or settled)</source>
        <translation>Больше не отслеживается (отозван или вопрос решён)</translation>
    </message>
    <message>
        <source>A scan is attached (see Sources &amp; evidence).</source>
        <translation>Скан приложен (см. вкладку «Источники»).</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Получен</translation>
    </message>
    <message>
        <source>It amounts to</source>
        <translation>Суть</translation>
    </message>
    <message>
        <source>What it says</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Скан</translation>
    </message>
    <message>
        <source>Add request</source>
        <translation>Добавить запрос</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>The reply deadline shows once the day sent is typed.</source>
        <translation>Срок ответа появится, когда будет указана дата отправки.</translation>
    </message>
    <message numerus="yes">
        <source>A reply is due by %1 (%n day(s) for this kind of body).</source>
        <translation>
            <numerusform>Ответ должен прийти до %1 (%n день для такого органа).</numerusform>
            <numerusform>Ответ должен прийти до %1 (%n дня для такого органа).</numerusform>
            <numerusform>Ответ должен прийти до %1 (%n дней для такого органа).</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan or photo of the reply</source>
        <translation>Скан или фото ответа</translation>
    </message>
    <message>
        <source>Scans and photos (%1);;All files (*)</source>
        <translation>Сканы и фото (%1);;Все файлы (*)</translation>
    </message>
    <message>
        <source>This file is larger than 64 MB and cannot be attached.</source>
        <translation>Файл больше 64 МБ, его нельзя приложить.</translation>
    </message>
    <message>
        <source>Say on which day it was sent.</source>
        <translation>Укажите, когда запрос отправлен.</translation>
    </message>
    <message>
        <source>Say on which day the reply came.</source>
        <translation>Укажите, когда пришёл ответ.</translation>
    </message>
    <message>
        <source>Say what the reply amounts to.</source>
        <translation>Укажите суть ответа.</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <source>Sent</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>Куда</translation>
    </message>
    <message>
        <source>Our No.</source>
        <translation>Исх. №</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>О чём просили</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>Новый запрос…</translation>
    </message>
    <message>
        <source>Record a request sent to an official body (Insert)</source>
        <translation>Записать запрос, отправленный в государственный орган (Insert)</translation>
    </message>
    <message>
        <source>Record reply…</source>
        <translation>Записать ответ…</translation>
    </message>
    <message>
        <source>Record the reply and attach its scan (Ctrl+R)</source>
        <translation>Записать ответ и приложить скан (Ctrl+R)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Write a letter…</source>
        <translation>Написать письмо…</translation>
    </message>
    <message>
        <source>A letter filled from the case and this request</source>
        <translation>Письмо, заполненное по делу и этому запросу</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the selected request (Ctrl+Z brings it back)</source>
        <translation>Удалить выбранный запрос (Ctrl+Z вернёт его)</translation>
    </message>
    <message>
        <source>No requests yet. Record each letter or appeal sent to a prosecutor, investigators, a commander, a court, the ombudsman, the Red Cross or a hospital: a reply that does not come in time is flagged.</source>
        <translation>Запросов пока нет. Записывайте каждое письмо или обращение в прокуратуру, следственный орган, командиру, в суд, уполномоченному по правам человека, в Красный Крест или в больницу: если ответ не придёт в срок, появится отметка.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>closed without a reply</source>
        <translation>закрыт без ответа</translation>
    </message>
    <message>
        <source>Edit reply…</source>
        <translation>Изменить ответ…</translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <source>Requests awaiting a reply</source>
        <translation>Запросы, ждущие ответа</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>Ответ до</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Просрочка</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>Куда</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>No request is awaiting a reply. Requests are recorded in each case&apos;s Requests tab.</source>
        <translation>Ни один запрос не ждёт ответа. Запросы записываются на вкладке «Запросы» каждого дела.</translation>
    </message>
    <message>
        <source>%1, No. %2</source>
        <translation>%1, исх. № %2</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) awaiting a reply</source>
        <translation>
            <numerusform>%n запрос ждёт ответа</numerusform>
            <numerusform>%n запроса ждут ответа</numerusform>
            <numerusform>%n запросов ждут ответа</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n past the deadline</source>
        <translation>
            <numerusform>%n с истёкшим сроком</numerusform>
            <numerusform>%n с истёкшим сроком</numerusform>
            <numerusform>%n с истёкшим сроком</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SamePersonDialog</name>
    <message>
        <source>Same man?</source>
        <translation>Один и тот же человек?</translation>
    </message>
    <message>
        <source>Reference or name, e.g. CT-0043</source>
        <translation>Номер дела или имя, например CT-0043</translation>
    </message>
    <message>
        <source>The other case</source>
        <translation>Другое дело</translation>
    </message>
    <message>
        <source>Same man or not</source>
        <translation>Один человек или нет</translation>
    </message>
    <message>
        <source>Why, e.g. the same birth date and unit</source>
        <translation>Почему, например: та же дата рождения и в/ч</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>This case</source>
        <translation>Это дело</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Same — merge…</source>
        <translation>Объединить дела…</translation>
    </message>
    <message>
        <source>The same man — certain</source>
        <translation>Один человек — точно</translation>
    </message>
    <message>
        <source>The same man — likely</source>
        <translation>Один человек — вероятно</translation>
    </message>
    <message>
        <source>Possibly the same man</source>
        <translation>Возможно, один человек</translation>
    </message>
    <message>
        <source>Not the same man</source>
        <translation>Разные люди</translation>
    </message>
    <message>
        <source>No case matches.</source>
        <translation>Подходящих дел нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n cases match: type more of the name, or the reference.</source>
        <translation>
            <numerusform>Подходит %n дело: уточните имя или введите номер дела.</numerusform>
            <numerusform>Подходят %n дела: уточните имя или введите номер дела.</numerusform>
            <numerusform>Подходят %n дел: уточните имя или введите номер дела.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the other case&apos;s reference or name until one case matches.</source>
        <translation>Введите номер или имя другого дела так, чтобы подходило только одно.</translation>
    </message>
</context>
<context>
    <name>SamePersonLine</name>
    <message>
        <source>Same man as other cases</source>
        <translation>Тот же человек в других делах</translation>
    </message>
    <message>
        <source>Same man as another case…</source>
        <translation>Совпадение с другим делом…</translation>
    </message>
</context>
<context>
    <name>SeenByDialog</name>
    <message>
        <source>He saw this man</source>
        <translation>Он видел этого человека</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; was seen by &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: его видел &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>What he saw: when, where, in what state</source>
        <translation>Что он видел: когда, где, в каком состоянии</translation>
    </message>
    <message>
        <source>He told us on</source>
        <translation>Дата рассказа</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Способ связи</translation>
    </message>
    <message>
        <source>What he saw</source>
        <translation>Что он видел</translation>
    </message>
    <message>
        <source>Logged on the other man&apos;s case as news about him (second-hand), not as proof of life: only his own voice is.</source>
        <translation>Записывается в дело другого человека как сведения о нём (с чужих слов), а не как подтверждение, что он жив: таким подтверждением служит только его собственный голос.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Say on which day he told you.</source>
        <translation>Укажите, в какой день он это рассказал.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>When the rules raise flags</source>
        <translation>Когда правила поднимают сигналы</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Сохранить настройки</translation>
    </message>
    <message>
        <source>Encrypted backups beside the vault</source>
        <translation>Зашифрованные резервные копии рядом с хранилищем</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Сохранена</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>ежедневная</translation>
    </message>
    <message>
        <source>recent version</source>
        <translation>недавняя версия</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Restore selected backup…</source>
        <translation>Восстановить выбранную копию…</translation>
    </message>
    <message>
        <source>Restoring replaces the current data with the backup. The current state is kept as a backup first, so a restore can itself be undone.</source>
        <translation>Восстановление заменяет текущие данные резервной копией. Перед этим текущее состояние сохраняется как резервная копия, так что и восстановление можно отменить.</translation>
    </message>
    <message>
        <source>Your name (recorded in History)</source>
        <translation>Ваше имя (записывается в историю)</translation>
    </message>
    <message>
        <source>Kept for you, the user of this computer: each person who opens this vault from their own account is recorded under their own name. Empty: your account&apos;s user name.</source>
        <translation>Хранится для вас — пользователя этого компьютера: каждый, кто открывает это хранилище под своей учётной записью, записывается в историю под своим именем. Если пусто — имя вашей учётной записи.</translation>
    </message>
    <message>
        <source>Days an official body has to reply to a request</source>
        <translation>Сколько дней у органа на ответ</translation>
    </message>
    <message>
        <source>Counted from the day the request was sent; a request still without a reply the day after is flagged. 30 days is the term of the law on citizens&apos; appeals (59-FZ, art. 12); the Red Cross and the ombudsman have no fixed term, so their numbers are from practice.</source>
        <translation>Считается со дня отправки; если на следующий день после срока ответа нет, запрос отмечается. 30 дней — срок по закону об обращениях граждан (59-ФЗ, ст. 12); для Красного Креста и уполномоченного по правам человека срок ответа законом не установлен, их значения взяты из практики.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Безопасность</translation>
    </message>
    <message>
        <source>The passphrase opens the vault every day. The recovery key opens it when the passphrase is forgotten; keep it on paper, away from this laptop.</source>
        <translation>Парольная фраза открывает хранилище каждый день. Ключ восстановления открывает его, если парольная фраза забыта; храните его на бумаге, подальше от этого ноутбука.</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Сменить парольную фразу…</translation>
    </message>
    <message>
        <source>New recovery key…</source>
        <translation>Новый ключ восстановления…</translation>
    </message>
    <message>
        <source>The passphrase was changed. The recovery key still works.</source>
        <translation>Парольная фраза изменена. Ключ восстановления по-прежнему действует.</translation>
    </message>
    <message>
        <source>A new recovery key was made; the old one no longer opens the vault.</source>
        <translation>Создан новый ключ восстановления; старый больше не открывает хранилище.</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
    <message>
        <source>The new language applies the next time you unlock.</source>
        <translation>Новый язык включится при следующей разблокировке.</translation>
    </message>
    <message>
        <source>Select the backup to restore.</source>
        <translation>Выберите копию для восстановления.</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Восстановить эту копию?</translation>
    </message>
    <message>
        <source>The data will go back to how it was on %1. Continue?</source>
        <translation>Данные вернутся к состоянию на %1. Продолжить?</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Edit source</source>
        <translation>Изменить источник</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>Добавить источник</translation>
    </message>
    <message>
        <source>What it is, in a few words</source>
        <translation>Что это, в двух словах</translation>
    </message>
    <message>
        <source>Link, archive number, where the original is</source>
        <translation>Ссылка, номер в архиве, где оригинал</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Где найти</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Find a source by title or reference</source>
        <translation>Поиск источника по названию или ссылке</translation>
    </message>
    <message>
        <source>Search sources</source>
        <translation>Поиск источников</translation>
    </message>
    <message>
        <source>New source…</source>
        <translation>Новый источник…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Backs</source>
        <translation>Подтверждает</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Cases this source backs</source>
        <translation>Дела, которые подтверждает источник</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Places this source backs</source>
        <translation>Места, которые подтверждает источник</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Вложенные файлы</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n дело</numerusform>
            <numerusform>%n дела</numerusform>
            <numerusform>%n дел</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n место</numerusform>
            <numerusform>%n места</numerusform>
            <numerusform>%n мест</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a source</source>
        <translation>Выберите источник</translation>
    </message>
    <message>
        <source>Cases (%1)</source>
        <translation>Дела (%1)</translation>
    </message>
    <message>
        <source>Places (%1)</source>
        <translation>Места (%1)</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Casetracker</source>
        <translation>Casetracker</translation>
    </message>
    <message>
        <source>Preparing the demo vault with fictional cases…</source>
        <translation>Готовим демо-хранилище с вымышленными делами…</translation>
    </message>
    <message>
        <source>Backup opened</source>
        <translation>Резервная копия открыта</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Открыть хранилище</translation>
    </message>
    <message>
        <source>Casetracker vaults (*.ctvault)</source>
        <translation>Хранилища Casetracker (*.ctvault)</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>Изменить статус</translation>
    </message>
    <message>
        <source>the day it changed, or e.g. July 2024</source>
        <translation>день изменения или, например, июль 2024</translation>
    </message>
    <message>
        <source>How we know, e.g. the father&apos;s call</source>
        <translation>Откуда известно, например, звонок отца</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Новый статус</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Type the day the status changed.</source>
        <translation>Введите день, когда изменился статус.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Open the Conflicts view and decide</source>
        <translation>Открыть «Конфликты» и решить</translation>
    </message>
    <message>
        <source>Last synced with the team: %1</source>
        <translation>Последняя синхронизация с командой: %1</translation>
    </message>
    <message>
        <source>Click to sync now (F5)</source>
        <translation>Нажмите, чтобы синхронизировать сейчас (F5)</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to decide</source>
        <translation>
            <numerusform>%n конфликт ждёт решения</numerusform>
            <numerusform>%n конфликта ждут решения</numerusform>
            <numerusform>%n конфликтов ждут решения</numerusform>
        </translation>
    </message>
    <message>
        <source>The team server&apos;s records do not check out</source>
        <translation>Записи сервера команды не сходятся</translation>
    </message>
    <message>
        <source>Syncing with the team…</source>
        <translation>Синхронизация с командой…</translation>
    </message>
    <message>
        <source>Offline — changes are kept and sent later</source>
        <translation>Нет связи — изменения сохранены и будут отправлены позже</translation>
    </message>
    <message>
        <source>Not synced: %1</source>
        <translation>Не синхронизировано: %1</translation>
    </message>
    <message>
        <source>Waiting for an administrator to let you in</source>
        <translation>Ждём, когда администратор примет вас в команду</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n изменение ждёт отправки</numerusform>
            <numerusform>%n изменения ждут отправки</numerusform>
            <numerusform>%n изменений ждут отправки</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date with the team</source>
        <translation>Всё синхронизировано с командой</translation>
    </message>
</context>
<context>
    <name>TakeOver</name>
    <message>
        <source>Take over the vault?</source>
        <translation>Забрать хранилище себе?</translation>
    </message>
    <message>
        <source>This vault is marked as open on %1 by %2 since %3.</source>
        <translation>Хранилище отмечено как открытое на %1 пользователем %2 с %3.</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>другом компьютере</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>(имя неизвестно)</translation>
    </message>
    <message>
        <source>Take it over only if Casetracker is closed on that computer: it crashed, was switched off, or has been renamed. If the vault is really still open there, both computers will save it and one will lose the other&apos;s work.</source>
        <translation>Забирайте его, только если Casetracker на том компьютере закрыт: программа аварийно завершилась, компьютер выключен или переименован. Если хранилище там всё ещё открыто, оба компьютера будут его сохранять, и работа одного из них пропадёт.</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Забрать</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Изменить задачу</translation>
    </message>
    <message>
        <source>e.g. call the father on Friday</source>
        <translation>например, позвонить отцу в пятницу</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>no day</source>
        <translation>без срока</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>например, %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Добавить задачу</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <source>Add a task (Insert)</source>
        <translation>Добавить задачу (Insert)</translation>
    </message>
    <message>
        <source>Mark the selected task done (Ctrl+D)</source>
        <translation>Отметить выбранную задачу как выполненную (Ctrl+D)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the selected task (Ctrl+Z brings it back)</source>
        <translation>Удалить выбранную задачу (Ctrl+Z вернёт её)</translation>
    </message>
    <message>
        <source>No tasks for this case yet.</source>
        <translation>По этому делу задач пока нет.</translation>
    </message>
    <message>
        <source>Not done after all</source>
        <translation>Вернуть в работу</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>The team server holds fewer records than this computer has already seen: it may have lost some (an old backup restored) or be withholding them. Nothing was sent. Tell your team&apos;s administrator.</source>
        <translation>На сервере команды меньше записей, чем этот компьютер уже видел: часть могла потеряться (восстановлена старая резервная копия) или сервер их скрывает. Ничего не отправлено. Сообщите администратору команды.</translation>
    </message>
    <message>
        <source>This is not a Casetracker invitation code.</source>
        <translation>Это не код приглашения Casetracker.</translation>
    </message>
    <message>
        <source>The invitation code is damaged: ask for it again, in person.</source>
        <translation>Код приглашения повреждён: попросите его ещё раз, лично.</translation>
    </message>
    <message>
        <source>This vault is not part of a team.</source>
        <translation>Это хранилище не входит в команду.</translation>
    </message>
    <message>
        <source>This vault is open read-only: it cannot sync.</source>
        <translation>Хранилище открыто только для чтения: синхронизация невозможна.</translation>
    </message>
    <message>
        <source>This vault is already part of a team.</source>
        <translation>Это хранилище уже входит в команду.</translation>
    </message>
    <message>
        <source>Give your name as the team will see it.</source>
        <translation>Укажите своё имя, каким его увидит команда.</translation>
    </message>
    <message>
        <source>The team&apos;s server already holds another team.</source>
        <translation>На сервере команды уже есть другая команда.</translation>
    </message>
    <message>
        <source>Only a team administrator can invite.</source>
        <translation>Приглашать может только администратор команды.</translation>
    </message>
    <message>
        <source>Give the new member&apos;s name.</source>
        <translation>Укажите имя нового участника.</translation>
    </message>
    <message>
        <source>The team already has a member of that name.</source>
        <translation>В команде уже есть участник с таким именем.</translation>
    </message>
    <message>
        <source>Join with a new, empty vault: the team&apos;s cases fill it. Send cases of this vault to the team afterwards with a bundle.</source>
        <translation>Присоединяйтесь с новым, пустым хранилищем: его заполнят дела команды. Дела из этого хранилища потом передайте команде пакетом.</translation>
    </message>
    <message>
        <source>Only a team administrator can remove a member.</source>
        <translation>Исключить участника может только администратор команды.</translation>
    </message>
    <message>
        <source>The team has no member of that name.</source>
        <translation>В команде нет участника с таким именем.</translation>
    </message>
    <message>
        <source>You cannot remove yourself; ask another administrator.</source>
        <translation>Нельзя исключить самого себя; попросите другого администратора.</translation>
    </message>
    <message>
        <source>The server is too busy; try again.</source>
        <translation>Сервер слишком занят; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The team&apos;s records do not show you let in by the one who invited you.</source>
        <translation>По записям команды вас не принимал тот, кто вас пригласил.</translation>
    </message>
    <message>
        <source>A teammate uses a newer Casetracker; update this one to sync.</source>
        <translation>У участника команды более новая версия Casetracker; обновите эту, чтобы синхронизироваться.</translation>
    </message>
    <message>
        <source>The team&apos;s changes could not be merged with this laptop&apos;s: nothing was applied. Tell your team&apos;s administrator.</source>
        <translation>Изменения команды не удалось объединить с изменениями на этом компьютере: ничего не применено. Сообщите администратору команды.</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>нет связи</translation>
    </message>
    <message>
        <source>That conflict is gone.</source>
        <translation>Этого расхождения больше нет.</translation>
    </message>
    <message>
        <source>That conflict was already decided.</source>
        <translation>По этому расхождению уже принято решение.</translation>
    </message>
    <message>
        <source>The waiting value belongs with a record deleted meanwhile (a case removed by a teammate, say). Put that back first, or keep the current state.</source>
        <translation>Ожидающее значение относится к записи, удалённой тем временем (например, дело, которое удалил коллега). Сначала верните её или оставьте текущее состояние.</translation>
    </message>
    <message>
        <source>The team server&apos;s certificate is expected at {path}, which this computer does not have. Ask the administrator for the file, put it there, or give where it is (casetracker team join --server-ca FILE).</source>
        <translation>Сертификат сервера команды ожидается по пути {path}, а на этом компьютере его нет. Попросите файл у администратора и положите его туда или укажите, где он лежит (casetracker team join --server-ca ФАЙЛ).</translation>
    </message>
    <message>
        <source>The team server&apos;s records do not check out (record {seq}: {reason}). Nothing from them was applied. Tell your team&apos;s administrator.</source>
        <translation>Записи на сервере команды не проходят проверку (запись {seq}: {reason}). Из них ничего не применено. Сообщите администратору команды.</translation>
    </message>
    <message>
        <source>Record {seq} of the team, signed by {name}, cannot be taken in ({reason}). Nothing from it on was applied. Tell your team&apos;s administrator.</source>
        <translation>Запись {seq} команды, подписанную участником {name}, нельзя принять ({reason}). Ничего начиная с неё не применено. Сообщите администратору команды.</translation>
    </message>
    <message>
        <source>That conflict cannot be taken: its value is damaged.</source>
        <translation>Это значение нельзя принять: оно повреждено.</translation>
    </message>
    <message>
        <source>That conflict names something outside the case base: not taken.</source>
        <translation>Это расхождение указывает на то, что не входит в базу дел: не принято.</translation>
    </message>
    <message>
        <source>That value was changed again since the conflict (by a teammate, or here): look at it as it is now, and keep it or change it by hand.</source>
        <translation>Это значение снова изменилось после расхождения (у коллеги или здесь): посмотрите, каково оно сейчас, и оставьте его или измените вручную.</translation>
    </message>
</context>
<context>
    <name>TeamServer</name>
    <message>
        <source>The team server cannot be reached. Work goes on here; changes are sent when it can be reached again.</source>
        <translation>Сервер команды недоступен. Работа продолжается здесь; изменения будут отправлены, когда он снова станет доступен.</translation>
    </message>
    <message>
        <source>The team server&apos;s address does not require an encrypted connection (sslmode=verify-full, verify-ca or require), so nothing was sent to it.</source>
        <translation>Адрес сервера команды не требует зашифрованного соединения (sslmode=verify-full, verify-ca или require), поэтому ему ничего не отправлено.</translation>
    </message>
    <message>
        <source>The team server refused this: the password may be wrong, this member may have been removed from the team, or only an admin may do it.</source>
        <translation>Сервер команды отказал: возможно, пароль неверен, этот участник исключён из команды или это может сделать только администратор.</translation>
    </message>
    <message>
        <source>The team server already holds this; it is never replaced.</source>
        <translation>Это уже хранится на сервере команды и никогда не заменяется.</translation>
    </message>
    <message>
        <source>The team server answered with a record it cannot hold.</source>
        <translation>Сервер команды ответил записью, которой в нём не может быть.</translation>
    </message>
    <message>
        <source>Another member sent changes at the same moment. Theirs are fetched first, then ours are sent again.</source>
        <translation>Другой участник отправил изменения в тот же момент. Сначала будут получены его изменения, затем наши будут отправлены снова.</translation>
    </message>
    <message>
        <source>The team server holds fewer records than this computer has already seen: it may have lost or be withholding some.</source>
        <translation>На сервере команды меньше записей, чем этот компьютер уже видел: сервер мог потерять часть из них или скрывать их.</translation>
    </message>
    <message>
        <source>The team server&apos;s address is not written correctly.</source>
        <translation>Адрес сервера команды записан неправильно.</translation>
    </message>
    <message>
        <source>This database already holds a team, or its role names are taken.</source>
        <translation>В этой базе данных уже есть команда, или имена её ролей уже заняты.</translation>
    </message>
    <message>
        <source>That member name is taken on the server.</source>
        <translation>Это имя участника на сервере уже занято.</translation>
    </message>
    <message>
        <source>The team server could not prove it is the right server (its certificate could not be checked against the one this computer expects), so nothing was sent to it.</source>
        <translation>Сервер команды не смог доказать, что это нужный сервер (его сертификат не удалось сверить с тем, который ожидает этот компьютер), поэтому ему ничего не отправлено.</translation>
    </message>
    <message>
        <source>The team server holds no team in this database.</source>
        <translation>На сервере команды в этой базе данных нет команды.</translation>
    </message>
    <message>
        <source>The team server answered in a way this version does not expect.</source>
        <translation>Сервер команды ответил так, как эта версия программы не ожидает.</translation>
    </message>
</context>
<context>
    <name>TeamSettingsBox</name>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Start a team</source>
        <translation>Создать команду</translation>
    </message>
    <message>
        <source>host=… dbname=… user=… sslmode=verify-full</source>
        <translation>host=… dbname=… user=… sslmode=verify-full</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <source>Your name as the team will see it</source>
        <translation>Ваше имя, которое увидит команда</translation>
    </message>
    <message>
        <source>For the first caseworker of a team, with the PostgreSQL address your organisation&apos;s server administrator gave you. The server keeps only sealed, signed records: it never sees a name, a case or a note.</source>
        <translation>Для первого сотрудника команды — с адресом PostgreSQL, который дал администратор сервера вашей организации. Сервер хранит только запечатанные подписанные записи: он никогда не видит ни имён, ни дел, ни заметок.</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Адрес сервера:</translation>
    </message>
    <message>
        <source>Your name as the team will see it:</source>
        <translation>Ваше имя, которое увидит команда:</translation>
    </message>
    <message>
        <source>Join a team</source>
        <translation>Вступить в команду</translation>
    </message>
    <message>
        <source>Paste the invitation code here</source>
        <translation>Вставьте сюда код приглашения</translation>
    </message>
    <message>
        <source>Invitation code</source>
        <translation>Код приглашения</translation>
    </message>
    <message>
        <source>Join the team</source>
        <translation>Вступить в команду</translation>
    </message>
    <message>
        <source>With the code an administrator handed you in person. Join with a new, empty vault: the team&apos;s cases fill it once an administrator lets you in.</source>
        <translation>С кодом, который администратор передал вам лично. Вступайте с новым, пустым хранилищем: дела команды появятся в нём, когда администратор вас впустит.</translation>
    </message>
    <message>
        <source>One case base for several caseworkers: each laptop keeps all the cases, and changes travel, encrypted, through your organisation&apos;s server.</source>
        <translation>Одна база дел для нескольких сотрудников: на каждом ноутбуке хранятся все дела, а изменения передаются в зашифрованном виде через сервер вашей организации.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Отпечаток ключа</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Приглашён</translation>
    </message>
    <message>
        <source>Invitations not answered yet</source>
        <translation>Приглашения без ответа</translation>
    </message>
    <message>
        <source>Invitations not answered yet:</source>
        <translation>Приглашения без ответа:</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>Пригласить…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Исключить…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Участники:</translation>
    </message>
    <message>
        <source>Compare each fingerprint with its member in person: the same on their screen means the changes signed with it are theirs.</source>
        <translation>Сверьте каждый отпечаток с участником лично: если на его экране тот же, подписанные им изменения действительно его.</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (вы)</translation>
    </message>
    <message>
        <source>Waiting to be let in: an administrator&apos;s next sync does it; then Sync now brings the team&apos;s cases.</source>
        <translation>Ожидание допуска: его даст следующая синхронизация администратора; затем «Синхронизировать» загрузит дела команды.</translation>
    </message>
    <message>
        <source>Last sync: %1.</source>
        <translation>Последняя синхронизация: %1.</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Синхронизации ещё не было.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>The last try failed: %1</source>
        <translation>Последняя попытка не удалась: %1</translation>
    </message>
    <message>
        <source>Changes to send: %1.</source>
        <translation>Изменений ждут отправки: %1.</translation>
    </message>
    <message>
        <source>Conflicts waiting for a person to decide: %1.</source>
        <translation>Конфликтов ждут решения человека: %1.</translation>
    </message>
    <message>
        <source>New conflicts: %1.</source>
        <translation>Новых конфликтов: %1.</translation>
    </message>
    <message>
        <source>Give the server&apos;s address.</source>
        <translation>Укажите адрес сервера.</translation>
    </message>
    <message>
        <source>The team is started. Invite your colleagues with Invite…</source>
        <translation>Команда создана. Пригласите коллег кнопкой «Пригласить…».</translation>
    </message>
    <message>
        <source>Starting the team…</source>
        <translation>Создаётся команда…</translation>
    </message>
    <message>
        <source>Paste the invitation code first.</source>
        <translation>Сначала вставьте код приглашения.</translation>
    </message>
    <message>
        <source>You asked to join as %1. An administrator&apos;s next sync lets you in; then Sync now brings the team&apos;s cases.</source>
        <translation>Вы попросили вступить как %1. Следующая синхронизация администратора впустит вас; затем «Синхронизировать» загрузит дела команды.</translation>
    </message>
    <message>
        <source>Asking to join…</source>
        <translation>Отправляется просьба о вступлении…</translation>
    </message>
    <message>
        <source>Synced: %1 received, %2 sent.</source>
        <translation>Синхронизировано: получено %1, отправлено %2.</translation>
    </message>
    <message>
        <source>Let in: %1.</source>
        <translation>Допущены: %1.</translation>
    </message>
    <message>
        <source>Select the member to remove.</source>
        <translation>Выберите участника, которого нужно исключить.</translation>
    </message>
    <message>
        <source>You cannot remove yourself; ask another administrator.</source>
        <translation>Исключить себя нельзя; попросите другого администратора.</translation>
    </message>
    <message>
        <source>%1 is no longer in the team.</source>
        <translation>%1 больше не в команде.</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Status: %1</source>
        <translation>Статус: %1</translation>
    </message>
    <message>
        <source>Held at %1</source>
        <translation>Содержится: %1</translation>
    </message>
    <message>
        <source>Left %1 on a day not known</source>
        <translation>Покинул %1, день неизвестен</translation>
    </message>
    <message>
        <source>Left %1</source>
        <translation>Покинул: %1</translation>
    </message>
    <message>
        <source>heard him himself</source>
        <translation>слышали его самого</translation>
    </message>
    <message>
        <source>second-hand news</source>
        <translation>вести со слов других</translation>
    </message>
    <message>
        <source>, reports a transfer</source>
        <translation>, сообщает о переводе</translation>
    </message>
    <message>
        <source>Request sent: %1</source>
        <translation>Отправлен запрос: %1</translation>
    </message>
    <message>
        <source>Reply from %1: %2</source>
        <translation>Ответ: %1 — %2</translation>
    </message>
    <message>
        <source>Allegation: %1</source>
        <translation>Нарушение: %1</translation>
    </message>
    <message>
        <source>%1, No. %2</source>
        <translation>%1, исх. № %2</translation>
    </message>
    <message>
        <source>anonymous relative</source>
        <translation>анонимный родственник</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
</context>
<context>
    <name>TodayTasks</name>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Mark the selected task done (Ctrl+D)</source>
        <translation>Отметить выбранную задачу как выполненную (Ctrl+D)</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Открыть дело</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>Задачи к сроку</translation>
    </message>
    <message>
        <source>none overdue or due in the next 7 days</source>
        <translation>нет ни просроченных, ни со сроком в ближайшие 7 дней</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n просрочена</numerusform>
            <numerusform>%n просрочены</numerusform>
            <numerusform>%n просрочено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due in the next 7 days</source>
        <translation>
            <numerusform>%n со сроком в ближайшие 7 дней</numerusform>
            <numerusform>%n со сроком в ближайшие 7 дней</numerusform>
            <numerusform>%n со сроком в ближайшие 7 дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Open flags</source>
        <translation>Открытые сигналы</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Открыть дело</translation>
    </message>
    <message>
        <source>Note for colleagues (required)</source>
        <translation>Заметка для коллег (обязательно)</translation>
    </message>
    <message>
        <source>Why, in a few words, e.g. lawyer informed</source>
        <translation>Почему — в двух словах, например: адвокат в курсе</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Принять к сведению</translation>
    </message>
    <message>
        <source>Hide this flag until it gets worse; the note is kept in the case history.</source>
        <translation>Скрыть сигнал, пока ситуация не ухудшится; заметка сохранится в истории дела.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Snooze for how many days</source>
        <translation>На сколько дней отложить</translation>
    </message>
    <message>
        <source>Snooze for</source>
        <translation>Отложить на</translation>
    </message>
    <message>
        <source>Hide this flag for a while, then show it again.</source>
        <translation>Скрыть сигнал на время, потом показать снова.</translation>
    </message>
    <message>
        <source>Nothing needs attention today.</source>
        <translation>Сегодня ничего не требует внимания.</translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n критический</numerusform>
            <numerusform>%n критических</numerusform>
            <numerusform>%n критических</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n напоминание</numerusform>
            <numerusform>%n напоминания</numerusform>
            <numerusform>%n напоминаний</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — worst first</source>
        <translation>%1 — самые тревожные сверху</translation>
    </message>
    <message>
        <source>Also flagged: %1</source>
        <translation>Другие сигналы: %1</translation>
    </message>
    <message>
        <source>Select a flag</source>
        <translation>Выберите сигнал</translation>
    </message>
    <message>
        <source>Its explanation, and what you can do about it, appear here.</source>
        <translation>Здесь появится объяснение и что с этим можно сделать.</translation>
    </message>
    <message>
        <source>He himself was last heard: %1</source>
        <translation>Сам последний раз выходил на связь: %1</translation>
    </message>
    <message>
        <source>Cases: %1</source>
        <translation>Дела: %1</translation>
    </message>
    <message>
        <source>Open place</source>
        <translation>Открыть место</translation>
    </message>
    <message>
        <source>Add a short note saying why, for your colleagues.</source>
        <translation>Добавьте короткую заметку для коллег — почему.</translation>
    </message>
    <message>
        <source>Acknowledged.</source>
        <translation>Принято к сведению.</translation>
    </message>
    <message>
        <source>Snoozed.</source>
        <translation>Отложено.</translation>
    </message>
</context>
<context>
    <name>TypedDateField</name>
    <message>
        <source>Choose on a calendar (Alt+Down)</source>
        <translation>Выбрать в календаре (Alt+↓)</translation>
    </message>
    <message>
        <source>Choose on a calendar</source>
        <translation>Выбрать в календаре</translation>
    </message>
</context>
<context>
    <name>UncertainDateEdit</name>
    <message>
        <source>not known — or e.g. July 2024, about 2020</source>
        <translation>не известна — или, например, июль 2024, около 2020</translation>
    </message>
</context>
<context>
    <name>UncertainMomentEdit</name>
    <message>
        <source>A contact needs at least a rough day: a month, a year or a range.</source>
        <translation>Для контакта нужен хотя бы примерный день: месяц, год или промежуток дат.</translation>
    </message>
</context>
<context>
    <name>UnknownSignerDialog</name>
    <message>
        <source>Import from an unknown signer?</source>
        <translation>Импортировать от неизвестного отправителя?</translation>
    </message>
    <message>
        <source>This file was signed with a key that is not in your address book. Anyone can make a file that claims to come from a partner: only this fingerprint shows who signed it.</source>
        <translation>Этот файл подписан ключом, которого нет в вашей адресной книге. Кто угодно может сделать файл, будто бы от партнёра: только этот отпечаток показывает, кто его подписал.</translation>
    </message>
    <message>
        <source>Signer&apos;s fingerprint</source>
        <translation>Отпечаток подписавшего</translation>
    </message>
    <message>
        <source>Call the sender or meet them, and ask them to read their signing fingerprint to you (in Casetracker: Address book and keys). Import only if every group matches. Do not trust a fingerprint that came with the file or in the same message.</source>
        <translation>Позвоните отправителю или встретьтесь с ним и попросите прочитать вам отпечаток его ключа подписи (в Casetracker: «Адресная книга и ключи»). Импортируйте, только если совпадает каждая группа. Не доверяйте отпечатку, пришедшему вместе с файлом или в том же сообщении.</translation>
    </message>
    <message>
        <source>Add the sender to the address book as:</source>
        <translation>Добавить отправителя в адресную книгу как:</translation>
    </message>
    <message>
        <source>Name in the address book</source>
        <translation>Имя в адресной книге</translation>
    </message>
    <message>
        <source>e.g. the partner organisation</source>
        <translation>например, организация-партнёр</translation>
    </message>
    <message>
        <source>Files signed with the same key are then recognised by this name.</source>
        <translation>Тогда файлы, подписанные тем же ключом, будут узнаваться под этим именем.</translation>
    </message>
    <message>
        <source>This file does not carry the sender&apos;s public key: add them to the address book by hand to recognise their files.</source>
        <translation>В этом файле нет открытого ключа отправителя: чтобы узнавать его файлы, добавьте его в адресную книгу вручную.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Import from this signer</source>
        <translation>Импортировать от этого отправителя</translation>
    </message>
    <message>
        <source>Type the name to add them under, or untick it.</source>
        <translation>Введите имя, под которым добавить отправителя, или снимите отметку.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock the vault</source>
        <translation>Разблокировать хранилище</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>I forgot it: use the recovery key instead</source>
        <translation>Я её забыл(а): использовать ключ восстановления</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Choose a backup to open…</source>
        <translation>Выбрать резервную копию…</translation>
    </message>
    <message>
        <source>Take over from the other computer…</source>
        <translation>Забрать у другого компьютера…</translation>
    </message>
    <message>
        <source>Open another vault…</source>
        <translation>Открыть другое хранилище…</translation>
    </message>
    <message>
        <source>Create a new vault…</source>
        <translation>Создать новое хранилище…</translation>
    </message>
    <message>
        <source>Vault: %1
in %2</source>
        <translation>Хранилище: %1
в папке %2</translation>
    </message>
    <message>
        <source>Recovery key, e.g. ABCD-EFGH-…</source>
        <translation>Ключ восстановления, например ABCD-EFGH-…</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Сначала введите парольную фразу.</translation>
    </message>
    <message>
        <source>Unlocking… this takes a moment, on purpose.</source>
        <translation>Разблокировка… это намеренно занимает немного времени.</translation>
    </message>
    <message>
        <source>Backups of it were found beside it.</source>
        <translation>Рядом найдены его резервные копии.</translation>
    </message>
    <message>
        <source>Check the keyboard layout and Caps Lock.</source>
        <translation>Проверьте раскладку клавиатуры и Caps Lock.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Casetracker</source>
        <translation>Добро пожаловать в Casetracker</translation>
    </message>
    <message>
        <source>Casetracker keeps your cases in one encrypted vault, protected by a passphrase. Without it, whoever holds this computer learns nothing: not names, not places, not how many cases there are.</source>
        <translation>Casetracker хранит ваши дела в одном зашифрованном хранилище, защищённом парольной фразой. Без неё тот, у кого окажется этот компьютер, ничего не узнает: ни имён, ни мест, ни даже количества дел.</translation>
    </message>
    <message>
        <source>Create a vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <source>For a new organisation or a new laptop.</source>
        <translation>Для новой организации или нового ноутбука.</translation>
    </message>
    <message>
        <source>Open a vault…</source>
        <translation>Открыть хранилище…</translation>
    </message>
    <message>
        <source>A vault file you already have (.ctvault).</source>
        <translation>Файл хранилища, который у вас уже есть (.ctvault).</translation>
    </message>
</context>
<context>
    <name>WorkingDialog</name>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
</context>
<context>
    <name>_SaysWhatItRead</name>
    <message>
        <source>Understood: %1</source>
        <translation>Понято как: %1</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>использование: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>позиционные аргументы</translation>
    </message>
    <message>
        <source>options</source>
        <translation>параметры</translation>
    </message>
    <message>
        <source>subcommands</source>
        <translation>команды</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>показать эту справку и выйти</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: ошибка: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>аргумент %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>нераспознанные аргументы: %s</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>неоднозначный параметр: %(option)s может означать %(matches)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>недопустимое значение: %(value)r (выберите из %(choices)s)</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>не удаётся открыть «%(filename)s»: %(error)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>ожидается одно значение</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>ожидается не больше одного значения</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>ожидается хотя бы одно значение</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>недопустимое значение %(type)s: %(value)r</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>неизвестная команда %(parser_name)r (варианты: %(choices)s)</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>нужно указать: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>нужно указать одно из: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>нельзя вместе с %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>лишнее значение %r проигнорировано</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>неожиданный параметр: %s</translation>
    </message>
    <message>
        <source>argument &quot;-&quot; with mode %r</source>
        <translation>аргумент «-» с режимом %r</translation>
    </message>
    <message>
        <source>.__call__() not defined</source>
        <translation>.__call__() не определён</translation>
    </message>
    <message>
        <source>&apos;required&apos; is an invalid argument for positionals</source>
        <translation>«required» недопустим для позиционных аргументов</translation>
    </message>
    <message>
        <source>mutually exclusive arguments must be optional</source>
        <translation>взаимоисключающие аргументы должны быть необязательными</translation>
    </message>
    <message>
        <source>%r is not callable</source>
        <translation>%r нельзя вызвать</translation>
    </message>
    <message>
        <source>cannot merge actions - two groups are named %r</source>
        <translation>нельзя объединить действия: две группы называются %r</translation>
    </message>
    <message>
        <source>invalid option string %(option)r: must start with a character %(prefix_chars)r</source>
        <translation>недопустимый параметр %(option)r: должен начинаться с символа %(prefix_chars)r</translation>
    </message>
    <message>
        <source>dest= is required for options like %r</source>
        <translation>для параметров вида %r нужен dest=</translation>
    </message>
    <message>
        <source>invalid conflict_resolution value: %r</source>
        <translation>недопустимое значение conflict_resolution: %r</translation>
    </message>
    <message>
        <source>cannot have multiple subparser arguments</source>
        <translation>нельзя задать несколько наборов команд</translation>
    </message>
    <message>
        <source>conflicting subparser: %s</source>
        <translation>конфликтующая команда: %s</translation>
    </message>
    <message>
        <source>conflicting subparser alias: %s</source>
        <translation>конфликтующий псевдоним команды: %s</translation>
    </message>
</context>
<context>
    <name>argparse_plurals</name>
    <message numerus="yes">
        <source>expected %s argument(s)</source>
        <translation>
            <numerusform>ожидается значений: %s</numerusform>
            <numerusform>ожидается значений: %s</numerusform>
            <numerusform>ожидается значений: %s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>conflicting option string(s): %s</source>
        <translation>
            <numerusform>конфликтующий параметр: %s</numerusform>
            <numerusform>конфликтующие параметры: %s</numerusform>
            <numerusform>конфликтующие параметры: %s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bundle_kinds</name>
    <message>
        <source>case</source>
        <translation>дело</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>родственник</translation>
    </message>
    <message>
        <source>place</source>
        <translation>место</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <source>status change</source>
        <translation>смена статуса</translation>
    </message>
    <message>
        <source>custody period</source>
        <translation>период содержания</translation>
    </message>
    <message>
        <source>allegation</source>
        <translation>нарушение</translation>
    </message>
    <message>
        <source>relative&apos;s link to a case</source>
        <translation>связь родственника с делом</translation>
    </message>
    <message>
        <source>attached file</source>
        <translation>вложение</translation>
    </message>
    <message>
        <source>source&apos;s link to a case</source>
        <translation>связь источника с делом</translation>
    </message>
    <message>
        <source>source&apos;s link to a place</source>
        <translation>связь источника с местом</translation>
    </message>
    <message>
        <source>allegation&apos;s link to a case</source>
        <translation>связь нарушения с делом</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>сигнал</translation>
    </message>
</context>
<context>
    <name>cancellation</name>
    <message>
        <source>Stopped before it finished: the vault is being locked.</source>
        <translation>Остановлено, не закончив: хранилище запирается.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>import cases from the canonical CSV</source>
        <translation>импортировать дела из канонического CSV</translation>
    </message>
    <message>
        <source>the vault file (.ctvault)</source>
        <translation>файл хранилища (.ctvault)</translation>
    </message>
    <message>
        <source>the CSV or XLSX file to import</source>
        <translation>файл CSV или XLSX для импорта</translation>
    </message>
    <message>
        <source>report, write nothing</source>
        <translation>только отчёт, ничего не записывать</translation>
    </message>
    <message>
        <source>import the good rows even when some rows cannot be read</source>
        <translation>импортировать читаемые строки, даже если некоторые прочитать нельзя</translation>
    </message>
    <message>
        <source>list cases</source>
        <translation>список дел</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>вывод для программ (JSON)</translation>
    </message>
    <message>
        <source>text in names, aliases, units, places, notes</source>
        <translation>текст в именах, других написаниях, частях, местах, заметках</translation>
    </message>
    <message>
        <source>only cases with this status</source>
        <translation>только дела с этим статусом</translation>
    </message>
    <message>
        <source>record a contact with or about a man</source>
        <translation>записать контакт с человеком или о нём</translation>
    </message>
    <message>
        <source>case reference, e.g. CT-0042</source>
        <translation>номер дела, например CT-0042</translation>
    </message>
    <message>
        <source>day of the contact, DD.MM.YYYY or YYYY-MM-DD; add the time if known: &quot;19.07.2024 18:00&quot;; if the day is not known, a month or a range: &quot;07.2024&quot;, &quot;1-8.07.2024&quot;</source>
        <translation>день контакта, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД; если известно время, добавьте его: «19.07.2024 18:00»; если не известен день — месяц или промежуток: «07.2024», «1-8.07.2024»</translation>
    </message>
    <message>
        <source>he was heard himself (proof of life)</source>
        <translation>слышали его самого (подтверждение жизни)</translation>
    </message>
    <message>
        <source>news came through someone else (default)</source>
        <translation>вести пришли через других (по умолчанию)</translation>
    </message>
    <message>
        <source>how the news came (default: call)</source>
        <translation>как пришли вести (по умолчанию: call — звонок)</translation>
    </message>
    <message>
        <source>he is being moved</source>
        <translation>его перемещают</translation>
    </message>
    <message>
        <source>what was said, in a few words</source>
        <translation>что сказано, в двух словах</translation>
    </message>
    <message>
        <source>fill a vault (new or existing) with fictional cases</source>
        <translation>заполнить хранилище (новое или существующее) вымышленными делами</translation>
    </message>
    <message>
        <source>how many cases to add (default: 60)</source>
        <translation>сколько дел добавить (по умолчанию 60)</translation>
    </message>
    <message>
        <source>the same seed makes the same people (default: 7)</source>
        <translation>одно и то же зерно даёт одних и тех же людей (по умолчанию 7)</translation>
    </message>
    <message>
        <source>This file is a Casetracker CSV, read exactly as written: --blank-bad-cells and --status-word are for your own spreadsheets. Fix the rows it lists, or leave them out with --skip-bad.</source>
        <translation>Это CSV-файл Casetracker, он читается ровно так, как записан: --blank-bad-cells и --status-word — для ваших собственных таблиц. Исправьте перечисленные строки или пропустите их с --skip-bad.</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>строка {line}: {reason}</translation>
    </message>
    <message>
        <source>line {line}: {reason} — left empty, the text is kept in the case&apos;s notes</source>
        <translation>строка {line}: {reason} — оставлено пустым, текст сохранён в заметках дела</translation>
    </message>
    <message>
        <source>line {line}: skipped, {reason}</source>
        <translation>строка {line}: пропущена, {reason}</translation>
    </message>
    <message>
        <source>line {line}: updated, {reason}</source>
        <translation>строка {line}: обновлено, {reason}</translation>
    </message>
    <message>
        <source>With --blank-bad-cells a row is imported even when a cell other than the name cannot be read: that cell is left empty and its text kept in the case&apos;s notes.</source>
        <translation>С --blank-bad-cells строка импортируется, даже если не читается какая-то ячейка, кроме ФИО: эта ячейка остаётся пустой, а её текст сохраняется в заметках дела.</translation>
    </message>
    <message>
        <source>{n} already in the vault, skipped (use --existing update to update them from the file).</source>
        <translation>Уже есть в хранилище: {n}, пропущены (чтобы обновить их из файла, добавьте --existing update).</translation>
    </message>
    <message>
        <source>{n} already in the vault, updated.</source>
        <translation>Уже есть в хранилище: {n}, обновлены.</translation>
    </message>
    <message>
        <source>Imported: {summary}.</source>
        <translation>Импортировано: {summary}.</translation>
    </message>
    <message>
        <source>{cases} cases, {facilities} new places, {relatives} new relatives, {contacts} contacts</source>
        <translation>дел: {cases}, новых мест: {facilities}, новых родственников: {relatives}, связей: {contacts}</translation>
    </message>
    <message>
        <source>Dry run, nothing written. Would import: {summary}.</source>
        <translation>Пробный прогон, ничего не записано. Было бы импортировано: {summary}.</translation>
    </message>
    <message>
        <source>Nothing was imported: {n} row(s) cannot be read. Fix them, or use --skip-bad to import the others.</source>
        <translation>Ничего не импортировано: нечитаемых строк — {n}. Исправьте их или используйте --skip-bad, чтобы импортировать остальные.</translation>
    </message>
    <message>
        <source>{n} case(s)</source>
        <translation>Дел: {n}</translation>
    </message>
    <message>
        <source>proof of life</source>
        <translation>подтверждение жизни</translation>
    </message>
    <message>
        <source>second-hand news</source>
        <translation>вести со слов других</translation>
    </message>
    <message>
        <source>Logged for {ref}: {kind}, {when}.</source>
        <translation>Записано в дело {ref}: {kind}, {when}.</translation>
    </message>
    <message>
        <source>Logged for {ref}: {kind} on {day}.</source>
        <translation>Записано для {ref}: {kind}, {day}.</translation>
    </message>
    <message>
        <source>Added {n} fictional cases.</source>
        <translation>Добавлено вымышленных дел: {n}.</translation>
    </message>
    <message>
        <source>Encrypted case tracking for detained soldiers and their families. Without a command, starts the desktop app.</source>
        <translation>Зашифрованный учёт дел задержанных военнослужащих и их семей. Без команды запускает приложение.</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>показать номер версии и выйти</translation>
    </message>
    <message>
        <source>check that this installation works, on a temporary vault, and exit</source>
        <translation>проверить, что установка работает (на временном хранилище), и выйти</translation>
    </message>
    <message>
        <source>write a debug log for support to the error output; it names cases by reference only and hides every person&apos;s name</source>
        <translation>писать журнал отладки для поддержки в поток ошибок; дела в нём названы только номерами, имена людей скрыты</translation>
    </message>
    <message>
        <source>write that debug log to FILE instead (added to its end)</source>
        <translation>писать этот журнал отладки в ФАЙЛ (дописывая в конец)</translation>
    </message>
    <message>
        <source>start the app on a throw-away demo vault</source>
        <translation>запустить приложение на одноразовом демо-хранилище</translation>
    </message>
    <message>
        <source>read the passphrase from this file (else CASETRACKER_PASSPHRASE or a prompt)</source>
        <translation>прочитать парольную фразу из этого файла (иначе из CASETRACKER_PASSPHRASE или с запросом)</translation>
    </message>
    <message>
        <source>name recorded in the audit log (default: OS user)</source>
        <translation>имя для журнала изменений (по умолчанию пользователь системы)</translation>
    </message>
    <message>
        <source>No screen to show the app on. Start it from a desktop session, or use the command line (casetracker --help).</source>
        <translation>Нет экрана, чтобы показать приложение. Запустите его из графического сеанса или пользуйтесь командной строкой (casetracker --help).</translation>
    </message>
    <message>
        <source>Interrupted; nothing more was written.</source>
        <translation>Прервано; больше ничего не записано.</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}). Nothing was changed.</source>
        <translation>Непредвиденная ошибка ({kind}). Ничего не изменено.</translation>
    </message>
    <message>
        <source>The recovery key file cannot be read ({reason}).</source>
        <translation>Не удаётся прочитать файл с ключом восстановления ({reason}).</translation>
    </message>
    <message>
        <source>The passphrase file cannot be read ({reason}).</source>
        <translation>Файл с парольной фразой не читается ({reason}).</translation>
    </message>
    <message>
        <source>No passphrase given: use --passphrase-file, CASETRACKER_PASSPHRASE or a terminal.</source>
        <translation>Парольная фраза не задана: используйте --passphrase-file, CASETRACKER_PASSPHRASE или терминал.</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>Парольная фраза: </translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>Новая парольная фраза: </translation>
    </message>
    <message>
        <source>Repeat the new passphrase: </source>
        <translation>Повторите новую парольную фразу: </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Две парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>list the open flags, worst first</source>
        <translation>список открытых сигналов, самые тревожные сверху</translation>
    </message>
    <message>
        <source>show only flags at this level or worse</source>
        <translation>показывать только сигналы этого уровня и серьёзнее</translation>
    </message>
    <message>
        <source>only flags about this case, e.g. CT-0042</source>
        <translation>только сигналы по этому делу, например CT-0042</translation>
    </message>
    <message>
        <source>acknowledge or snooze a flag, with a note</source>
        <translation>принять сигнал к сведению или отложить его, с заметкой</translation>
    </message>
    <message>
        <source>place name or id, for a place&apos;s flag</source>
        <translation>название или id места — для сигнала по месту</translation>
    </message>
    <message>
        <source>the rule that raised the flag</source>
        <translation>правило, поднявшее сигнал</translation>
    </message>
    <message>
        <source>hide it for this many days (without: until it gets worse)</source>
        <translation>скрыть на столько дней (без этого — пока не станет хуже)</translation>
    </message>
    <message>
        <source>why, in a few words, for colleagues</source>
        <translation>почему — в двух словах, для коллег</translation>
    </message>
    <message>
        <source>show or change the vault&apos;s settings</source>
        <translation>показать или изменить настройки хранилища</translation>
    </message>
    <message>
        <source>setting to show or change</source>
        <translation>какую настройку показать или изменить</translation>
    </message>
    <message>
        <source>new value</source>
        <translation>новое значение</translation>
    </message>
    <message>
        <source>evaluate on this day instead of today (DD.MM.YYYY or YYYY-MM-DD)</source>
        <translation>проверить на этот день вместо сегодняшнего (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>No open flags on {date}.</source>
        <translation>На {date} открытых сигналов нет.</translation>
    </message>
    <message>
        <source>Open flags on {date}: {critical} critical, {warning} warning, {info} info.</source>
        <translation>Открытые сигналы на {date}: критических — {critical}, предупреждений — {warning}, напоминаний — {info}.</translation>
    </message>
    <message>
        <source>{n} acknowledged or snoozed flag(s) not shown.</source>
        <translation>Не показано принятых к сведению или отложенных сигналов: {n}.</translation>
    </message>
    <message>
        <source>SEVERITY</source>
        <translation>УРОВЕНЬ</translation>
    </message>
    <message>
        <source>SINCE</source>
        <translation>С</translation>
    </message>
    <message>
        <source>CASE/PLACE</source>
        <translation>ДЕЛО/МЕСТО</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>ПРАВИЛО</translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>ЧТО</translation>
    </message>
    <message>
        <source>Snoozed {rule} on {subject} until {date}, or until it gets worse.</source>
        <translation>Сигнал {rule} по {subject} отложен до {date} или пока не станет хуже.</translation>
    </message>
    <message>
        <source>Acknowledged {rule} on {subject}; it stays hidden until it gets worse.</source>
        <translation>Сигнал {rule} по {subject} принят к сведению; он скрыт, пока не станет хуже.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Name the setting to change.</source>
        <translation>Укажите, какую настройку изменить.</translation>
    </message>
    <message>
        <source>{key} is now {value}.</source>
        <translation>{key} теперь {value}.</translation>
    </message>
    <message>
        <source>show this organisation&apos;s public key and fingerprint</source>
        <translation>показать открытый ключ и отпечаток нашей организации</translation>
    </message>
    <message>
        <source>the address book: add, list or remove</source>
        <translation>адресная книга: добавить, показать или удалить</translation>
    </message>
    <message>
        <source>add, list or remove a recipient</source>
        <translation>add — добавить, list — показать, remove — удалить получателя</translation>
    </message>
    <message>
        <source>recipient&apos;s name</source>
        <translation>имя получателя</translation>
    </message>
    <message>
        <source>their age public key (age1…)</source>
        <translation>их открытый ключ age (age1…)</translation>
    </message>
    <message>
        <source>lawyer, partner, journalist…</source>
        <translation>адвокат, партнёр, журналист…</translation>
    </message>
    <message>
        <source>a note about this recipient</source>
        <translation>заметка об этом получателе</translation>
    </message>
    <message>
        <source>their ed25519:… key, so their bundles are recognised</source>
        <translation>их ключ ed25519:…, чтобы узнавать их пакеты</translation>
    </message>
    <message>
        <source>export cases as a signed, encrypted age bundle</source>
        <translation>выгрузить дела в подписанный зашифрованный пакет age</translation>
    </message>
    <message>
        <source>case reference(s), e.g. --case CT-0001 CT-0002</source>
        <translation>номера дел, например --case CT-0001 CT-0002</translation>
    </message>
    <message>
        <source>every case</source>
        <translation>все дела</translation>
    </message>
    <message>
        <source>every case with this status</source>
        <translation>все дела с этим статусом</translation>
    </message>
    <message>
        <source>address-book name or age1… key; repeatable</source>
        <translation>имя из адресной книги или ключ age1…; можно несколько раз</translation>
    </message>
    <message>
        <source>lock the bundle with the passphrase in this file (not the vault&apos;s)</source>
        <translation>закрыть пакет парольной фразой из этого файла (не от хранилища)</translation>
    </message>
    <message>
        <source>lock the bundle with a passphrase from CASETRACKER_BUNDLE_PASSPHRASE or a prompt</source>
        <translation>закрыть пакет парольной фразой из CASETRACKER_BUNDLE_PASSPHRASE или с запросом</translation>
    </message>
    <message>
        <source>what leaves: all a lawyer or a partner organisation may see, what a journalist may (each as far as people consented), or no identities</source>
        <translation>что передаётся: всё, что можно адвокату или партнёрской организации, то, что можно журналисту (в каждом случае — в пределах согласия людей), либо обезличенные данные</translation>
    </message>
    <message>
        <source>include attached files</source>
        <translation>включить вложения</translation>
    </message>
    <message>
        <source>the bundle file to write (OUT.age)</source>
        <translation>куда записать пакет (OUT.age)</translation>
    </message>
    <message>
        <source>write a letter for a case from a template, to print and sign</source>
        <translation>составить письмо по делу из шаблона, чтобы распечатать и подписать</translation>
    </message>
    <message>
        <source>the kind of addressee (default: the request&apos;s kind, else general)</source>
        <translation>вид адресата (по умолчанию — вид запроса, а без запроса — general)</translation>
    </message>
    <message>
        <source>fill the addressee, numbers and date from this request of the case (its id)</source>
        <translation>взять адресата, номер и дату из этого запроса по делу (его идентификатор)</translation>
    </message>
    <message>
        <source>the file to write: FILE.pdf, FILE.odt or FILE.docx</source>
        <translation>файл, в который записать письмо: .pdf, .odt или .docx</translation>
    </message>
    <message>
        <source>replace an existing file</source>
        <translation>заменить существующий файл</translation>
    </message>
    <message>
        <source>list the letter templates</source>
        <translation>список шаблонов писем</translation>
    </message>
    <message>
        <source>show a letter template, replace its text, or reset it</source>
        <translation>показать шаблон письма, заменить его текст или вернуть исходный</translation>
    </message>
    <message>
        <source>the kind of addressee</source>
        <translation>вид адресата</translation>
    </message>
    <message>
        <source>replace the template&apos;s text with FILE (UTF-8 text)</source>
        <translation>заменить текст шаблона содержимым файла FILE (текст в UTF-8)</translation>
    </message>
    <message>
        <source>put the app&apos;s own text back</source>
        <translation>вернуть исходный текст программы</translation>
    </message>
    <message>
        <source>with --edit: a new title for the template</source>
        <translation>вместе с --edit: новое название шаблона</translation>
    </message>
    <message>
        <source>Wrote the letter “{title}” to {file}.</source>
        <translation>Письмо «{title}» записано в {file}.</translation>
    </message>
    <message>
        <source>Not in the vault, left as blank lines to fill in by hand: {facts}.</source>
        <translation>Этих сведений нет в хранилище, на их месте пустые строки, чтобы вписать от руки: {facts}.</translation>
    </message>
    <message>
        <source>changed by you</source>
        <translation>изменён вами</translation>
    </message>
    <message>
        <source>the app&apos;s text</source>
        <translation>исходный текст</translation>
    </message>
    <message>
        <source>--title goes with --edit.</source>
        <translation>--title указывается только вместе с --edit.</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text.</source>
        <translation>{file} — не текст в кодировке UTF-8.</translation>
    </message>
    <message>
        <source>Saved the template “{title}”.</source>
        <translation>Шаблон «{title}» сохранён.</translation>
    </message>
    <message>
        <source>The template “{title}” has the app&apos;s text again.</source>
        <translation>В шаблоне «{title}» снова исходный текст программы.</translation>
    </message>
    <message>
        <source>decrypt and verify a bundle; extract it with -o</source>
        <translation>расшифровать и проверить пакет; распаковать с -o</translation>
    </message>
    <message>
        <source>the bundle file (.age)</source>
        <translation>файл пакета (.age)</translation>
    </message>
    <message>
        <source>age identity file (age-keygen)</source>
        <translation>файл ключа age (age-keygen)</translation>
    </message>
    <message>
        <source>the bundle&apos;s passphrase, from this file</source>
        <translation>парольная фраза пакета из этого файла</translation>
    </message>
    <message>
        <source>extract into this new folder</source>
        <translation>распаковать в эту новую папку</translation>
    </message>
    <message>
        <source>merge a bundle into the vault by UUID</source>
        <translation>объединить пакет с хранилищем по UUID</translation>
    </message>
    <message>
        <source>age identity file (default: the vault&apos;s own key)</source>
        <translation>файл ключа age (по умолчанию собственный ключ хранилища)</translation>
    </message>
    <message>
        <source>import from a signer who is not in the address book: their whole fingerprint, as shown (e.g. &quot;3F2A 91C0 7B44 E812 0D5C&quot;), after comparing it with the sender</source>
        <translation>импортировать от подписавшего, которого нет в адресной книге: его отпечаток целиком, как он показан (например, &quot;3F2A 91C0 7B44 E812 0D5C&quot;), после сверки с отправителем</translation>
    </message>
    <message>
        <source>with --trust-fingerprint: add the signer to the address book under this name, so their next files are recognised</source>
        <translation>вместе с --trust-fingerprint: добавить подписавшего в адресную книгу под этим именем, чтобы его следующие файлы узнавались</translation>
    </message>
    <message>
        <source>list conflicts (default), keep ours, or take the bundle&apos;s version</source>
        <translation>list — показать конфликты (по умолчанию), ours — оставить наше, theirs — взять версию из пакета</translation>
    </message>
    <message>
        <source>import cases from your own CSV/XLSX spreadsheet</source>
        <translation>импортировать дела из вашей таблицы CSV/XLSX</translation>
    </message>
    <message>
        <source>column mapping (JSON, docs/formats.md)</source>
        <translation>сопоставление столбцов (JSON, docs/formats.md)</translation>
    </message>
    <message>
        <source>write the mapping that would be used, to edit it, and stop</source>
        <translation>записать сопоставление, которое будет использовано, чтобы его поправить, и остановиться</translation>
    </message>
    <message>
        <source>show the mapping and the first N rows as read, and stop</source>
        <translation>показать сопоставление и первые N строк так, как они прочитаны, и остановиться</translation>
    </message>
    <message>
        <source>do not save the mapping in the vault for next time</source>
        <translation>не сохранять сопоставление в хранилище на следующий раз</translation>
    </message>
    <message>
        <source>import a row even when a cell other than the name cannot be read: that cell is left empty and its text kept in the case&apos;s notes</source>
        <translation>импортировать строку, даже если не читается ячейка, кроме ФИО: она остаётся пустой, а её текст сохраняется в заметках дела</translation>
    </message>
    <message>
        <source>what a word in the status column means, e.g. &quot;в СИЗО=detained&quot; (repeatable)</source>
        <translation>что значит слово в столбце статуса, например &quot;в СИЗО=detained&quot; (можно повторять)</translation>
    </message>
    <message>
        <source>a man already in the vault (same reference, or same name and birth date): skip his row, or update his case from it (default: skip)</source>
        <translation>человек уже есть в хранилище (тот же номер дела или те же ФИО и дата рождения): пропустить его строку (skip) или обновить его дело из неё (update); по умолчанию skip</translation>
    </message>
    <message>
        <source>{what} is too large.</source>
        <translation>{what}: слишком большой размер.</translation>
    </message>
    <message>
        <source>To send them anyway, add --without-consent REASON; `casetracker consent` records consent.</source>
        <translation>Чтобы всё же передать их, добавьте --without-consent ПРИЧИНА; согласие записывает команда `casetracker consent`.</translation>
    </message>
    <message>
        <source>The vault is read-only: this export is not in its disclosure log.</source>
        <translation>Хранилище открыто только для чтения: эта выгрузка не попала в журнал передачи сведений.</translation>
    </message>
    <message>
        <source>Exported for {to}: {counts}.</source>
        <translation>Выгружено для {to}: {counts}.</translation>
    </message>
    <message>
        <source>Profile: {profile}.</source>
        <translation>Профиль: {profile}.</translation>
    </message>
    <message>
        <source>Withheld for lack of consent: {n} relative link(s).</source>
        <translation>Скрыто из-за отсутствия согласия: связей с родственниками — {n}.</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>и ещё {n}</translation>
    </message>
    <message>
        <source>Sent without the man&apos;s own consent: {n} case(s), because: {why}</source>
        <translation>Передано без согласия самого задержанного: дел — {n}, причина: {why}</translation>
    </message>
    <message>
        <source>Made {when}. Profile: {profile}.</source>
        <translation>Создан {when}. Профиль: {profile}.</translation>
    </message>
    <message>
        <source>Not imported: the bundle is signed by fingerprint {fp}; the fingerprint given with --trust-fingerprint does not match it. Ask the sender again: the file may not be theirs.</source>
        <translation>Не импортировано: пакет подписан ключом с отпечатком {fp}; отпечаток, указанный в --trust-fingerprint, с ним не совпадает. Уточните у отправителя ещё раз: возможно, файл не от него.</translation>
    </message>
    <message>
        <source>Not imported: the bundle is signed by fingerprint {fp}, which is not in the address book. Compare it with the sender by phone or in person; if it matches, run again with --trust-fingerprint &quot;{fp}&quot; (or add the sender: recipients add NAME AGE_KEY --signing-key KEY).</source>
        <translation>Не импортировано: пакет подписан ключом с отпечатком {fp}, которого нет в адресной книге. Сверьте его с отправителем по телефону или при встрече; если совпадает, запустите снова с --trust-fingerprint &quot;{fp}&quot; (или добавьте отправителя: recipients add ИМЯ AGE_КЛЮЧ --signing-key КЛЮЧ).</translation>
    </message>
    <message>
        <source>  not in the address book: compare the fingerprint with the sender; importing needs --trust-fingerprint &quot;{fp}&quot;.</source>
        <translation>  нет в адресной книге: сверьте отпечаток с отправителем; для импорта нужен --trust-fingerprint &quot;{fp}&quot;.</translation>
    </message>
    <message>
        <source>  not in the address book; the fingerprint was confirmed.</source>
        <translation>  нет в адресной книге; отпечаток подтверждён.</translation>
    </message>
    <message>
        <source>Conflicts settled: the bundle&apos;s version was taken.</source>
        <translation>Конфликты решены: взята версия из пакета.</translation>
    </message>
    <message>
        <source>Conflicts settled: ours were kept.</source>
        <translation>Конфликты решены: оставлены наши данные.</translation>
    </message>
    <message>
        <source>The bundle passphrase file cannot be read.</source>
        <translation>Файл с парольной фразой пакета не читается.</translation>
    </message>
    <message>
        <source>send the cases of men who have not consented to this audience too, for this reason (kept in each case&apos;s disclosure log)</source>
        <translation>передать и дела тех, кто не дал согласия этому получателю, по этой причине (она сохраняется в журнале передачи сведений каждого дела)</translation>
    </message>
    <message>
        <source>No bundle passphrase given: use --bundle-passphrase-file, CASETRACKER_BUNDLE_PASSPHRASE or a terminal.</source>
        <translation>Парольная фраза пакета не задана: используйте --bundle-passphrase-file, CASETRACKER_BUNDLE_PASSPHRASE или терминал.</translation>
    </message>
    <message>
        <source>Bundle passphrase: </source>
        <translation>Парольная фраза пакета: </translation>
    </message>
    <message>
        <source>Repeat the bundle passphrase: </source>
        <translation>Повторите парольную фразу пакета: </translation>
    </message>
    <message>
        <source>Public key (give it to those who send you bundles): {key}</source>
        <translation>Открытый ключ (передайте тем, кто присылает вам пакеты): {key}</translation>
    </message>
    <message>
        <source>  its fingerprint: {fp}</source>
        <translation>  его отпечаток: {fp}</translation>
    </message>
    <message>
        <source>Signing key: {key}</source>
        <translation>Ключ подписи: {key}</translation>
    </message>
    <message>
        <source>Fingerprint (shown to whoever opens our bundles; compare it by phone): {fp}</source>
        <translation>Отпечаток (его видит каждый, кто открывает наши пакеты; сверяйте по телефону): {fp}</translation>
    </message>
    <message>
        <source>Usage: recipients VAULT add NAME AGE_PUBLIC_KEY</source>
        <translation>Использование: recipients ХРАНИЛИЩЕ add ИМЯ ОТКРЫТЫЙ_КЛЮЧ_AGE</translation>
    </message>
    <message>
        <source>Added {name}; key fingerprint {fp} (compare it with theirs).</source>
        <translation>Добавлено: {name}; отпечаток ключа {fp} (сверьте с их отпечатком).</translation>
    </message>
    <message>
        <source>Usage: recipients VAULT remove NAME</source>
        <translation>Использование: recipients ХРАНИЛИЩЕ remove ИМЯ</translation>
    </message>
    <message>
        <source>Removed {name} from the address book.</source>
        <translation>{name}: удалено из адресной книги.</translation>
    </message>
    <message>
        <source>{n} recipient(s)</source>
        <translation>Получателей: {n}</translation>
    </message>
    <message>
        <source>The output file already exists; use --force to replace it.</source>
        <translation>Выходной файл уже существует; используйте --force, чтобы заменить его.</translation>
    </message>
    <message>
        <source>show, record or withdraw consent for a case, per audience</source>
        <translation>показать, записать или отозвать согласие по делу для каждого получателя</translation>
    </message>
    <message>
        <source>record consent for lawyer, partner, media or statistics</source>
        <translation>записать согласие: lawyer (адвокат), partner (партнёрская организация), media (СМИ) или statistics (статистика)</translation>
    </message>
    <message>
        <source>record that this consent was withdrawn (the record stays)</source>
        <translation>отметить, что согласие отозвано (запись сохраняется)</translation>
    </message>
    <message>
        <source>the day it was given or withdrawn, DD.MM.YYYY or YYYY-MM-DD (default: today)</source>
        <translation>дата согласия или отзыва, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию сегодня)</translation>
    </message>
    <message>
        <source>how it was given (default: in_person)</source>
        <translation>как получено согласие (по умолчанию in_person — лично)</translation>
    </message>
    <message>
        <source>a relative of the case (name or relationship); default: the man</source>
        <translation>родственник по делу (имя или степень родства); по умолчанию сам задержанный</translation>
    </message>
    <message>
        <source>through whom, or who took it down</source>
        <translation>через кого получено или кто записал</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>примечание</translation>
    </message>
    <message>
        <source>the disclosure log: what was exported, to whom, when</source>
        <translation>журнал передачи сведений: что выгружено, кому и когда</translation>
    </message>
    <message>
        <source>only this case (default: all)</source>
        <translation>только это дело (по умолчанию все)</translation>
    </message>
    <message>
        <source>No relative of {ref} is called {name}.</source>
        <translation>Среди родственников по делу {ref} нет «{name}».</translation>
    </message>
    <message>
        <source>Several relatives of {ref} match {name}; give the full name.</source>
        <translation>По делу {ref} под «{name}» подходят несколько родственников; укажите полное имя.</translation>
    </message>
    <message>
        <source>he himself</source>
        <translation>он сам</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>без имени</translation>
    </message>
    <message>
        <source>given {day}, {how}</source>
        <translation>дано {day}, {how}</translation>
    </message>
    <message>
        <source>through {who}</source>
        <translation>через: {who}</translation>
    </message>
    <message>
        <source>WITHDRAWN {day}</source>
        <translation>ОТОЗВАНО {day}</translation>
    </message>
    <message>
        <source>No consent is recorded for {ref}.</source>
        <translation>По делу {ref} согласий не записано.</translation>
    </message>
    <message>
        <source>Disclosure log: {n} export(s).</source>
        <translation>Журнал передачи сведений: выгрузок — {n}.</translation>
    </message>
    <message>
        <source>a passphrase</source>
        <translation>парольной фразы</translation>
    </message>
    <message>
        <source>{ref}  {when}  {profile}  to {to}</source>
        <translation>{ref}  {when}  {profile}  кому: {to}</translation>
    </message>
    <message>
        <source>{n} relative(s) withheld for lack of consent</source>
        <translation>скрыто родственников без согласия: {n}</translation>
    </message>
    <message>
        <source>without his own consent, because: {why}</source>
        <translation>без его собственного согласия, причина: {why}</translation>
    </message>
    <message>
        <source>by {who}</source>
        <translation>выгрузил(а): {who}</translation>
    </message>
    <message>
        <source>{n} disclosure(s)</source>
        <translation>записей в журнале: {n}</translation>
    </message>
    <message>
        <source>Signed by fingerprint {fp}.</source>
        <translation>Подписано ключом с отпечатком {fp}.</translation>
    </message>
    <message>
        <source>The identity file</source>
        <translation>Файл ключа</translation>
    </message>
    <message>
        <source>The bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Signature and hashes verified.</source>
        <translation>Подпись и контрольные суммы проверены.</translation>
    </message>
    <message>
        <source>Signed by fingerprint: {fp}</source>
        <translation>Подписано ключом с отпечатком: {fp}</translation>
    </message>
    <message>
        <source>Holds: {counts}.</source>
        <translation>Содержит: {counts}.</translation>
    </message>
    <message>
        <source>Extracted {n} file(s) into {dir}.</source>
        <translation>Распаковано файлов: {n}, в {dir}.</translation>
    </message>
    <message>
        <source>Nothing was written; use -o DIR to extract.</source>
        <translation>Ничего не записано; чтобы распаковать, используйте -o ПАПКА.</translation>
    </message>
    <message>
        <source>  known here as: {name}</source>
        <translation>  известен здесь как: {name}</translation>
    </message>
    <message>
        <source>Case {old} is {new} here (the reference was taken).</source>
        <translation>Дело {old} здесь — {new} (этот номер был занят).</translation>
    </message>
    <message>
        <source>Conflict: {label} ({kind}) — both sides changed: {fields}</source>
        <translation>Конфликт: {label} ({kind}) — изменено с обеих сторон: {fields}</translation>
    </message>
    <message>
        <source>{added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflict(s)</source>
        <translation>добавлено — {added}, обновлено — {updated}, без изменений — {unchanged}, конфликтов — {conflicts}</translation>
    </message>
    <message>
        <source>Dry run, nothing written. Would do: {summary}.</source>
        <translation>Пробный прогон, ничего не записано. Было бы: {summary}.</translation>
    </message>
    <message>
        <source>Conflicts were not overwritten; decide in the app, or run again with --on-conflict.</source>
        <translation>Конфликты не перезаписаны; решите их в приложении или запустите снова с --on-conflict.</translation>
    </message>
    <message>
        <source>The spreadsheet</source>
        <translation>Таблица</translation>
    </message>
    <message>
        <source>The mapping file</source>
        <translation>Файл сопоставления</translation>
    </message>
    <message>
        <source>note: the mapping names a column this file does not have: {h}</source>
        <translation>внимание: в сопоставлении указан столбец, которого нет в этом файле: {h}</translation>
    </message>
    <message>
        <source>from the mapping file</source>
        <translation>из файла сопоставления</translation>
    </message>
    <message>
        <source>saved in the vault</source>
        <translation>сохранены в хранилище</translation>
    </message>
    <message>
        <source>guessed from the header</source>
        <translation>угаданы по заголовку</translation>
    </message>
    <message>
        <source>line {line}: {values}</source>
        <translation>строка {line}: {values}</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>не читается: {reason}</translation>
    </message>
    <message>
        <source>Wrote the mapping to {path}; edit it and pass it with --mapping.</source>
        <translation>Сопоставление записано в {path}; поправьте его и передайте через --mapping.</translation>
    </message>
    <message>
        <source>Columns {origin}.</source>
        <translation>Столбцы: {origin}.</translation>
    </message>
    <message>
        <source>The status column has words the app does not know: {words}. Say what each means with --status-word, e.g. --status-word &quot;{word}=detained&quot;. The statuses are: {statuses}.</source>
        <translation>В столбце статуса есть слова, незнакомые приложению: {words}. Укажите, что значит каждое, с помощью --status-word, например --status-word &quot;{word}=detained&quot;. Статусы: {statuses}.</translation>
    </message>
    <message>
        <source>--status-word wants a word, “=” and a status, e.g. &quot;в СИЗО=detained&quot;; the statuses are: {statuses}.</source>
        <translation>--status-word ждёт слово, «=» и статус, например &quot;в СИЗО=detained&quot;; статусы: {statuses}.</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>(не импортируется)</translation>
    </message>
    <message>
        <source>No column is read as: {fields}</source>
        <translation>Ни один столбец не читается как: {fields}</translation>
    </message>
    <message>
        <source>{n} row(s) could not be read and were not imported (listed above).</source>
        <translation>Не удалось прочитать и не импортировано строк: {n} (перечислены выше).</translation>
    </message>
    <message>
        <source>Columns ({origin}):</source>
        <translation>Столбцы ({origin}):</translation>
    </message>
    <message>
        <source>{n} data row(s).</source>
        <translation>Строк с данными: {n}.</translation>
    </message>
    <message>
        <source>create a new encrypted vault</source>
        <translation>создать новое зашифрованное хранилище</translation>
    </message>
    <message>
        <source>show record counts and how the vault is protected</source>
        <translation>показать число записей и как защищено хранилище</translation>
    </message>
    <message>
        <source>change the passphrase (the data key stays)</source>
        <translation>сменить парольную фразу (ключ данных не меняется)</translation>
    </message>
    <message>
        <source>read the new passphrase from this file (else CASETRACKER_NEW_PASSPHRASE or a prompt)</source>
        <translation>прочитать новую парольную фразу из этого файла (иначе из CASETRACKER_NEW_PASSPHRASE или с запросом)</translation>
    </message>
    <message>
        <source>create or replace the recovery key and print it once</source>
        <translation>создать или заменить ключ восстановления и показать его один раз</translation>
    </message>
    <message>
        <source>verify every byte of the vault and its backups</source>
        <translation>проверить каждый байт хранилища и его резервных копий</translation>
    </message>
    <message>
        <source>list the encrypted backups of a vault</source>
        <translation>список зашифрованных резервных копий хранилища</translation>
    </message>
    <message>
        <source>make a backup the current state (undoable)</source>
        <translation>сделать резервную копию текущим состоянием (можно отменить)</translation>
    </message>
    <message>
        <source>number from &apos;backups&apos;</source>
        <translation>номер из команды backups</translation>
    </message>
    <message>
        <source>unlock with the recovery key read from this file instead of the passphrase</source>
        <translation>открыть хранилище ключом восстановления из этого файла вместо парольной фразы</translation>
    </message>
    <message>
        <source>To take it over, run the command again with --take-over-lock.</source>
        <translation>Чтобы забрать его себе, повторите команду с --take-over-lock.</translation>
    </message>
    <message>
        <source>Taking over the lock left on {host} by {user} since {when}.</source>
        <translation>Забираем блокировку, оставленную на {host} пользователем {user} с {when}.</translation>
    </message>
    <message>
        <source>This vault is read-only here: it can be read, but no change can be saved.</source>
        <translation>Здесь хранилище только для чтения: его можно читать, но изменения сохранить нельзя.</translation>
    </message>
    <message>
        <source>Created the encrypted vault.</source>
        <translation>Зашифрованное хранилище создано.</translation>
    </message>
    <message>
        <source>Recovery key (shown only now; write it on paper and keep it apart from the laptop):</source>
        <translation>Ключ восстановления (показывается только сейчас; запишите его на бумаге и храните отдельно от ноутбука):</translation>
    </message>
    <message>
        <source>Key derivation: Argon2id, {m} MiB memory, {t} passes, {p} lane(s)</source>
        <translation>Получение ключа: Argon2id, память {m} МиБ, проходов — {t}, потоков — {p}</translation>
    </message>
    <message>
        <source>Key slots: {slots}</source>
        <translation>Слоты ключей: {slots}</translation>
    </message>
    <message>
        <source>File size: {n} bytes</source>
        <translation>Размер файла, байт: {n}</translation>
    </message>
    <message>
        <source>Records in the vault:</source>
        <translation>Записи в хранилище:</translation>
    </message>
    <message>
        <source>the passphrase</source>
        <translation>парольная фраза</translation>
    </message>
    <message>
        <source>the recovery key</source>
        <translation>ключ восстановления</translation>
    </message>
    <message>
        <source>The passphrase was changed. The recovery key still works.</source>
        <translation>Парольная фраза изменена. Ключ восстановления по-прежнему действует.</translation>
    </message>
    <message>
        <source>A new recovery key was made; the old one no longer opens the vault.</source>
        <translation>Создан новый ключ восстановления; старый больше не открывает хранилище.</translation>
    </message>
    <message>
        <source>Problems found: {n}.</source>
        <translation>Найдено проблем: {n}.</translation>
    </message>
    <message>
        <source>Backup {n} ({backup}) is now the vault.</source>
        <translation>Резервная копия {n} ({backup}) теперь стала хранилищем.</translation>
    </message>
    <message>
        <source>What stood in its place was kept beside it, untouched, as {name}.</source>
        <translation>То, что было на месте хранилища, сохранено рядом без изменений под именем {name}.</translation>
    </message>
    <message>
        <source>Every byte of the vault and its backups checked: no damage found.</source>
        <translation>Каждый байт хранилища и резервных копий проверен: повреждений нет.</translation>
    </message>
    <message>
        <source>Format version: {v}; data version: {s}; written whole {g} times</source>
        <translation>Версия формата: {v}; версия данных: {s}; записан целиком {g} раз(а)</translation>
    </message>
    <message>
        <source>Saves appended since it was last written whole: {n}</source>
        <translation>Сохранений, дописанных после последней полной записи: {n}</translation>
    </message>
    <message>
        <source>The vault is intact, but this passphrase no longer opens it: it was changed. With the new passphrase, this finishes the change: {command}</source>
        <translation>Хранилище цело, но эта парольная фраза его больше не открывает: её сменили. С новой парольной фразой эта команда завершит смену: {command}</translation>
    </message>
    <message>
        <source>To go back to the newest readable backup ({backup}): {command}</source>
        <translation>Чтобы вернуться к последней читаемой резервной копии ({backup}): {command}</translation>
    </message>
    <message>
        <source>No backup could be verified with this passphrase either. Keep every file as it is and ask for help.</source>
        <translation>Ни одну резервную копию тоже не удалось проверить с этой парольной фразой. Ничего не удаляйте и не меняйте в файлах и обратитесь за помощью.</translation>
    </message>
    <message>
        <source>There are no backups yet; they appear after the first changes are saved.</source>
        <translation>Резервных копий пока нет; они появятся после первого сохранения изменений.</translation>
    </message>
    <message>
        <source>save #{g}</source>
        <translation>сохранение №{g}</translation>
    </message>
    <message>
        <source>unreadable header</source>
        <translation>заголовок не читается</translation>
    </message>
    <message>
        <source>{n} B</source>
        <translation>{n} Б</translation>
    </message>
    <message>
        <source>Backup {n} is now the current state; the state before it was kept as a backup.</source>
        <translation>Резервная копия {n} стала текущим состоянием; прежнее состояние сохранено как резервная копия.</translation>
    </message>
    <message>
        <source>there is no such file or folder</source>
        <translation>такого файла или папки нет</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>нет прав доступа</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>это папка, а не файл</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>часть пути — не папка</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заполнен</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>диск доступен только для чтения</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>он уже существует</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>слишком длинное имя</translation>
    </message>
    <message>
        <source>the file is in use</source>
        <translation>файл занят другой программой</translation>
    </message>
    <message>
        <source>the disk reported a read or write error</source>
        <translation>диск сообщил об ошибке чтения или записи</translation>
    </message>
    <message>
        <source>system error {code}</source>
        <translation>системная ошибка {code}</translation>
    </message>
    <message>
        <source>Could not read {file}: {reason}.</source>
        <translation>Не удалось прочитать {file}: {reason}.</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}.</source>
        <translation>Не удалось записать {file}: {reason}.</translation>
    </message>
    <message>
        <source>Could not read or write {file}: {reason}.</source>
        <translation>Не удалось прочитать или записать {file}: {reason}.</translation>
    </message>
    <message>
        <source>A file could not be read or written: {reason}.</source>
        <translation>Не удалось прочитать или записать файл: {reason}.</translation>
    </message>
    <message>
        <source>NOT saved: the change could not be written because {reason}. The vault still holds what was saved before this command. Fix the problem and run the command again.</source>
        <translation>НЕ сохранено: изменение не удалось записать, потому что {reason}. В хранилище осталось то, что было сохранено до этой команды. Устраните причину и выполните команду ещё раз.</translation>
    </message>
    <message>
        <source>open the vault even though another computer is marked as having it open (only when Casetracker is really closed there: both saving would lose work)</source>
        <translation>открыть хранилище, хотя оно отмечено как открытое на другом компьютере (только если Casetracker там действительно закрыт: при сохранении с обоих потеряется работа)</translation>
    </message>
    <message>
        <source>list the men held where he was, at the same time, to ask him about</source>
        <translation>список людей, содержавшихся там же и тогда же, что и он, — чтобы расспросить его о них</translation>
    </message>
    <message>
        <source>the released or moved man&apos;s case, e.g. CT-0042</source>
        <translation>дело освобождённого или переведённого, например CT-0042</translation>
    </message>
    <message>
        <source>log that one man saw another (second-hand news, not proof of life)</source>
        <translation>записать, что один человек видел другого (сведения с чужих слов, не подтверждение, что он жив)</translation>
    </message>
    <message>
        <source>the case of the man who saw him</source>
        <translation>дело того, кто видел</translation>
    </message>
    <message>
        <source>the case of the man he saw</source>
        <translation>дело того, кого он видел</translation>
    </message>
    <message>
        <source>the day he told you, DD.MM.YYYY or YYYY-MM-DD</source>
        <translation>день, когда он это рассказал, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>how he told you (default: visit)</source>
        <translation>как он это рассказал (по умолчанию: visit — при встрече)</translation>
    </message>
    <message>
        <source>what he saw, in a few words</source>
        <translation>что он видел, в двух словах</translation>
    </message>
    <message>
        <source>(he told us of him {day})</source>
        <translation>(рассказал о нём {day})</translation>
    </message>
    <message>
        <source>{n} man/men held with him</source>
        <translation>Содержались вместе с ним: {n}</translation>
    </message>
    <message>
        <source>Logged for {seen}: seen by {witness} (second-hand news) on {day}.</source>
        <translation>Записано в дело {seen}: его видел {witness} (сведения с чужих слов), {day}.</translation>
    </message>
    <message>
        <source>who changed what in a case and when (this computer&apos;s time), newest first</source>
        <translation>кто что менял в деле и когда (по часам этого компьютера), сначала новое</translation>
    </message>
    <message>
        <source>only changes by this caseworker</source>
        <translation>только изменения этого сотрудника</translation>
    </message>
    <message>
        <source>only changes on or after this day (DD.MM.YYYY)</source>
        <translation>только изменения начиная с этого дня (ДД.ММ.ГГГГ)</translation>
    </message>
    <message>
        <source>only changes on or before this day (DD.MM.YYYY)</source>
        <translation>только изменения по этот день включительно (ДД.ММ.ГГГГ)</translation>
    </message>
    <message>
        <source>only changes of this kind (may be repeated)</source>
        <translation>только изменения этого раздела (можно указать несколько раз)</translation>
    </message>
    <message>
        <source>only changes with these words</source>
        <translation>только изменения с этими словами</translation>
    </message>
    <message>
        <source>--since {since} is after --until {until}; swap them.</source>
        <translation>--since {since} позже, чем --until {until}; поменяйте их местами.</translation>
    </message>
    <message>
        <source>(nobody named)</source>
        <translation>(сотрудник не указан)</translation>
    </message>
    <message>
        <source>{n} change(s)</source>
        <translation>Изменений: {n}</translation>
    </message>
    <message>
        <source>mark two cases as one man or as different men, list, merge</source>
        <translation>отметить два дела как одного человека или разных людей, показать отметки, объединить</translation>
    </message>
    <message>
        <source>With one case, list what was decided about it. With two: --certain, --likely or --possible marks them as the same man; --not-same means the duplicate finder never proposes the pair again; --unmark forgets the decision; --merge moves everything of the second case into the first and removes the second (its reference becomes an alias).</source>
        <translation>С одним делом — показать, что по нему решено. С двумя: --certain, --likely или --possible отмечают их как одного человека; --not-same — разные люди, поиск дублей больше не предложит эту пару; --unmark снимает отметку; --merge переносит всё из второго дела в первое и удаляет второе (его номер остаётся среди других написаний имени, и поиск по нему найдёт первое дело).</translation>
    </message>
    <message>
        <source>the other case&apos;s reference, e.g. CT-0043</source>
        <translation>номер другого дела, например CT-0043</translation>
    </message>
    <message>
        <source>the same man, certainly</source>
        <translation>один человек, точно</translation>
    </message>
    <message>
        <source>the same man, likely</source>
        <translation>один человек, вероятно</translation>
    </message>
    <message>
        <source>possibly the same man</source>
        <translation>возможно, один человек</translation>
    </message>
    <message>
        <source>two different men</source>
        <translation>два разных человека</translation>
    </message>
    <message>
        <source>forget what was decided</source>
        <translation>снять отметку</translation>
    </message>
    <message>
        <source>merge the second case into the first, keeping every record</source>
        <translation>объединить второе дело с первым, сохранив все записи</translation>
    </message>
    <message>
        <source>what was decided about the case</source>
        <translation>что решено по этому делу</translation>
    </message>
    <message>
        <source>why, in a few words</source>
        <translation>почему, в двух словах</translation>
    </message>
    <message>
        <source>list the pairs of cases that may be one man (never those marked not the same)</source>
        <translation>показать пары дел, которые могут оказаться одним человеком (кроме отмеченных как разные люди)</translation>
    </message>
    <message>
        <source>Name the other case too, e.g. CT-0043.</source>
        <translation>Укажите и второе дело, например CT-0043.</translation>
    </message>
    <message>
        <source>Say what the two cases are: --certain, --likely, --possible, --not-same, --unmark or --merge.</source>
        <translation>Укажите, что решено о двух делах: --certain, --likely, --possible, --not-same, --unmark или --merge.</translation>
    </message>
    <message>
        <source>{absorbed} was merged into {kept}.</source>
        <translation>Дело {absorbed} объединено с делом {kept}.</translation>
    </message>
    <message>
        <source>Moved: {what}.</source>
        <translation>Перенесено: {what}.</translation>
    </message>
    <message>
        <source>Filled in: {what}.</source>
        <translation>Заполнено: {what}.</translation>
    </message>
    <message>
        <source>Differing, kept in the notes: {what}.</source>
        <translation>Не совпало, записано в заметки: {what}.</translation>
    </message>
    <message>
        <source>Searching for {absorbed} now finds {kept}.</source>
        <translation>Поиск по {absorbed} теперь находит {kept}.</translation>
    </message>
    <message>
        <source>Nothing was decided about this case and another.</source>
        <translation>По этому делу нет отметок о совпадении с другими.</translation>
    </message>
    <message>
        <source>same name, spelt differently</source>
        <translation>одно имя в разном написании</translation>
    </message>
    <message>
        <source>names one typing slip apart</source>
        <translation>имена различаются одной опечаткой</translation>
    </message>
    <message>
        <source>same birth date, similar name</source>
        <translation>одна дата рождения, похожее имя</translation>
    </message>
    <message>
        <source>marked: the same man ({certainty})</source>
        <translation>отмечено: один человек ({certainty})</translation>
    </message>
    <message>
        <source>{n} possible duplicate pair(s)</source>
        <translation>Возможных дублей (пар): {n}</translation>
    </message>
    <message>
        <source>list the tasks still to do, soonest first</source>
        <translation>список невыполненных задач, ближайшие сначала</translation>
    </message>
    <message>
        <source>only the tasks of this case, e.g. CT-0042</source>
        <translation>только задачи этого дела, например CT-0042</translation>
    </message>
    <message>
        <source>the done tasks too</source>
        <translation>включая выполненные задачи</translation>
    </message>
    <message>
        <source>add a task to a case</source>
        <translation>добавить задачу к делу</translation>
    </message>
    <message>
        <source>what to do, e.g. &quot;call the father&quot;</source>
        <translation>что сделать, например &quot;позвонить отцу&quot;</translation>
    </message>
    <message>
        <source>the day it is due, DD.MM.YYYY or YYYY-MM-DD</source>
        <translation>срок, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>who does it</source>
        <translation>исполнитель</translation>
    </message>
    <message>
        <source>more about it, in a few words</source>
        <translation>подробности, в двух словах</translation>
    </message>
    <message>
        <source>mark a task done</source>
        <translation>отметить задачу как выполненную</translation>
    </message>
    <message>
        <source>the task&apos;s number as `tasks` prints it</source>
        <translation>номер задачи, как его выводит `tasks`</translation>
    </message>
    <message>
        <source>it is still to do after all</source>
        <translation>задача всё-таки не выполнена</translation>
    </message>
    <message>
        <source>done {day}</source>
        <translation>выполнено {day}</translation>
    </message>
    <message>
        <source>no due day</source>
        <translation>без срока</translation>
    </message>
    <message>
        <source>{day}, overdue</source>
        <translation>{day}, просрочено</translation>
    </message>
    <message>
        <source>{day}, in the next 7 days</source>
        <translation>{day}, в ближайшие 7 дней</translation>
    </message>
    <message>
        <source>{n} task(s)</source>
        <translation>Задач: {n}</translation>
    </message>
    <message>
        <source>Task {id} added to {ref}.</source>
        <translation>Задача {id} добавлена к делу {ref}.</translation>
    </message>
    <message>
        <source>Task {id} is to do again: {title}</source>
        <translation>Задача {id} снова в работе: {title}</translation>
    </message>
    <message>
        <source>Task {id} done: {title}</source>
        <translation>Задача {id} выполнена: {title}</translation>
    </message>
    <message>
        <source>monthly reports: statuses, detentions, silence, places</source>
        <translation>отчёты по месяцам: статусы, задержания, отсутствие связи, места</translation>
    </message>
    <message>
        <source>which report (default: all)</source>
        <translation>какой отчёт (по умолчанию все)</translation>
    </message>
    <message>
        <source>the last twelve months (default) or every month with data</source>
        <translation>последние двенадцать месяцев (по умолчанию) или все месяцы, за которые есть данные</translation>
    </message>
    <message>
        <source>count up to this day instead of today (DD.MM.YYYY or YYYY-MM-DD)</source>
        <translation>считать по этот день, а не по сегодня (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>write CSV instead of printing; with --which all, one file per report named FILE-&lt;report&gt;.csv</source>
        <translation>сохранить в CSV вместо вывода на экран; при --which all — по файлу на отчёт с именем ФАЙЛ-&lt;отчёт&gt;.csv</translation>
    </message>
    <message>
        <source>add the case references counted in each cell (without: counts only, no cases)</source>
        <translation>добавить номера дел, учтённых в каждой ячейке (без этого — только числа, без дел)</translation>
    </message>
    <message>
        <source>Nothing to count yet.</source>
        <translation>Пока считать нечего.</translation>
    </message>
    <message>
        <source>list requests awaiting a reply across cases, the most overdue first</source>
        <translation>запросы, ждущие ответа, по всем делам, сначала самые просроченные</translation>
    </message>
    <message>
        <source>every request of this case instead, e.g. CT-0042</source>
        <translation>вместо этого все запросы по делу, например CT-0042</translation>
    </message>
    <message>
        <source>count the days on this day instead of today (DD.MM.YYYY)</source>
        <translation>считать дни на эту дату, а не на сегодня (ДД.ММ.ГГГГ)</translation>
    </message>
    <message>
        <source>record a request sent about a case</source>
        <translation>записать запрос, отправленный по делу</translation>
    </message>
    <message>
        <source>the kind of body: it decides the reply deadline</source>
        <translation>вид органа: от него зависит срок ответа</translation>
    </message>
    <message>
        <source>day it was sent, DD.MM.YYYY or YYYY-MM-DD</source>
        <translation>дата отправки, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>the body or official, in words</source>
        <translation>орган или должностное лицо словами</translation>
    </message>
    <message>
        <source>how it was sent (default: post)</source>
        <translation>как отправлен (по умолчанию: почтой)</translation>
    </message>
    <message>
        <source>our outgoing number</source>
        <translation>наш исходящий номер</translation>
    </message>
    <message>
        <source>the number the body registered it under</source>
        <translation>входящий номер, присвоенный органом</translation>
    </message>
    <message>
        <source>who signed it</source>
        <translation>кто подписал</translation>
    </message>
    <message>
        <source>what was asked, in a few words</source>
        <translation>о чём просили, в нескольких словах</translation>
    </message>
    <message>
        <source>record the reply to a request</source>
        <translation>записать ответ на запрос</translation>
    </message>
    <message>
        <source>the request&apos;s id (its first 8 characters do)</source>
        <translation>номер запроса (достаточно первых 8 знаков)</translation>
    </message>
    <message>
        <source>day the reply came, DD.MM.YYYY or YYYY-MM-DD</source>
        <translation>дата получения ответа, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>what the reply amounts to</source>
        <translation>суть ответа</translation>
    </message>
    <message>
        <source>what it says, in a few words</source>
        <translation>что сказано, в нескольких словах</translation>
    </message>
    <message>
        <source>a scan or photo of the reply, kept encrypted</source>
        <translation>скан или фото ответа, хранится зашифрованным</translation>
    </message>
    <message>
        <source>stop watching a request (withdrawn, or no longer pursued)</source>
        <translation>больше не отслеживать запрос (отозван или вопрос снят)</translation>
    </message>
    <message>
        <source>show or change the days each kind of body has to reply</source>
        <translation>показать или изменить срок ответа для каждого вида органа</translation>
    </message>
    <message>
        <source>change one kind&apos;s deadline, e.g. red-cross=90 (may repeat)</source>
        <translation>изменить срок для одного вида, например red-cross=90 (можно несколько раз)</translation>
    </message>
    <message>
        <source>due {day}</source>
        <translation>срок {day}</translation>
    </message>
    <message>
        <source>{n} request(s) awaiting a reply</source>
        <translation>Ждут ответа запросов: {n}</translation>
    </message>
    <message>
        <source>{days} late</source>
        <translation>просрочка {days}</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>срок сегодня</translation>
    </message>
    <message>
        <source>{days} left</source>
        <translation>осталось {days}</translation>
    </message>
    <message>
        <source>reply {day}: {outcome}</source>
        <translation>ответ {day}: {outcome}</translation>
    </message>
    <message>
        <source>closed without a reply</source>
        <translation>закрыт без ответа</translation>
    </message>
    <message>
        <source>no reply; due {day}</source>
        <translation>ответа нет; срок до {day}</translation>
    </message>
    <message>
        <source>{n} request(s)</source>
        <translation>Запросов: {n}</translation>
    </message>
    <message>
        <source>Request {id} recorded for {ref}; a reply is due by {day}.</source>
        <translation>Запрос {id} записан в дело {ref}; ответ должен прийти до {day}.</translation>
    </message>
    <message>
        <source>Reply of {day} recorded for request {id}.</source>
        <translation>Ответ от {day} записан к запросу {id}.</translation>
    </message>
    <message>
        <source>Request {id} closed.</source>
        <translation>Запрос {id} закрыт.</translation>
    </message>
    <message>
        <source>--set takes KIND=DAYS, e.g. red-cross=90.</source>
        <translation>--set принимает ВИД=ДНИ, например red-cross=90.</translation>
    </message>
    <message>
        <source>date of birth as known: a day (20.07.1990), a month (&quot;июль 1990&quot;), a year, a range (&quot;1-8.07.1990&quot;), &quot;до 8 июля 1990&quot;, &quot;после 1 июля 1990&quot;, &quot;около 1990&quot; or &quot;неизвестно&quot;</source>
        <translation>дата рождения, как известна: день (20.07.1990), месяц («июль 1990»), год, промежуток («1-8.07.1990»), «до 8 июля 1990», «после 1 июля 1990», «около 1990» или «неизвестно»</translation>
    </message>
    <message>
        <source>when he refused to fight, as known (the forms of --born)</source>
        <translation>когда он отказался воевать, как известно (в тех же видах, что и --born)</translation>
    </message>
    <message>
        <source>when he was detained, as known (the forms of --born)</source>
        <translation>когда его задержали, как известно (в тех же видах, что и --born)</translation>
    </message>
    <message>
        <source>add a case, its dates as relatives know them</source>
        <translation>завести дело; даты — так, как их знают родные</translation>
    </message>
    <message>
        <source>his name as it is known</source>
        <translation>его ФИО в том виде, в каком оно известно</translation>
    </message>
    <message>
        <source>where the case stands (default: detained)</source>
        <translation>состояние дела (по умолчанию: задержан)</translation>
    </message>
    <message>
        <source>his military unit</source>
        <translation>его воинская часть</translation>
    </message>
    <message>
        <source>his home region</source>
        <translation>регион, откуда он родом</translation>
    </message>
    <message>
        <source>show a case&apos;s dates in words, or change them</source>
        <translation>показать даты дела словами или изменить их</translation>
    </message>
    <message>
        <source>change a case&apos;s status, with the day it changed</source>
        <translation>изменить состояние дела с указанием, когда оно изменилось</translation>
    </message>
    <message>
        <source>the status it changed to</source>
        <translation>новое состояние дела</translation>
    </message>
    <message>
        <source>when it changed, as known: a day, a month (&quot;июль 2024&quot;), a range (&quot;1-8.07.2024&quot;), &quot;до 8 июля 2024&quot;, &quot;после 1 июля 2024&quot;, &quot;около 2024&quot;</source>
        <translation>когда изменилось, как известно: день, месяц («июль 2024»), промежуток («1-8.07.2024»), «до 8 июля 2024», «после 1 июля 2024», «около 2024»</translation>
    </message>
    <message>
        <source>how we know, in a few words</source>
        <translation>откуда это известно, в двух словах</translation>
    </message>
    <message>
        <source>Added {ref}: {name} ({status}).</source>
        <translation>Заведено дело {ref}: {name} ({status}).</translation>
    </message>
    <message>
        <source>{ref}: {status} — {when}.</source>
        <translation>{ref}: {status} — {when}.</translation>
    </message>
    <message>
        <source>share one case base with a team through a server</source>
        <translation>вести одну базу дел с командой через сервер</translation>
    </message>
    <message>
        <source>start a team with this vault&apos;s cases</source>
        <translation>создать команду с делами этого хранилища</translation>
    </message>
    <message>
        <source>the PostgreSQL server, e.g. &quot;host=db.example.org dbname=team user=owner sslmode=verify-full&quot; (the password from PGPASSWORD or ~/.pgpass)</source>
        <translation>сервер PostgreSQL, например &quot;host=db.example.org dbname=team user=owner sslmode=verify-full&quot; (пароль из PGPASSWORD или ~/.pgpass)</translation>
    </message>
    <message>
        <source>your name as the team will see it (default: --actor or OS user)</source>
        <translation>ваше имя, каким его увидит команда (по умолчанию: --actor или пользователь системы)</translation>
    </message>
    <message>
        <source>print an invitation code</source>
        <translation>напечатать код приглашения</translation>
    </message>
    <message>
        <source>the new member&apos;s name</source>
        <translation>имя нового участника</translation>
    </message>
    <message>
        <source>they may invite and remove too</source>
        <translation>может также приглашать и исключать</translation>
    </message>
    <message>
        <source>join a team with an invitation code</source>
        <translation>присоединиться к команде по коду приглашения</translation>
    </message>
    <message>
        <source>the invitation code (better: leave it out and paste it when asked)</source>
        <translation>код приглашения (лучше не указывать здесь, а вставить, когда спросят)</translation>
    </message>
    <message>
        <source>the team&apos;s CA certificate on this computer, when the administrator keeps it elsewhere (the code names the path on his)</source>
        <translation>сертификат центра сертификации команды на этом компьютере, если у администратора он лежит в другом месте (код называет путь на его компьютере)</translation>
    </message>
    <message>
        <source>list the team&apos;s members</source>
        <translation>список участников команды</translation>
    </message>
    <message>
        <source>take a member out of the team</source>
        <translation>исключить участника из команды</translation>
    </message>
    <message>
        <source>the member&apos;s name as `team members` lists it</source>
        <translation>имя участника, как его показывает `team members`</translation>
    </message>
    <message>
        <source>list what waits for a decision</source>
        <translation>список расхождений, ждущих решения</translation>
    </message>
    <message>
        <source>decide one conflict</source>
        <translation>решить одно расхождение</translation>
    </message>
    <message>
        <source>the conflict&apos;s number as `team conflicts` prints it</source>
        <translation>номер расхождения, как его печатает `team conflicts`</translation>
    </message>
    <message>
        <source>keep the value the case has</source>
        <translation>оставить значение, которое сейчас в деле</translation>
    </message>
    <message>
        <source>take the value that waited</source>
        <translation>принять ожидающее значение</translation>
    </message>
    <message>
        <source>send this vault&apos;s changes to the team, take theirs</source>
        <translation>отправить изменения этого хранилища команде и получить её изменения</translation>
    </message>
    <message>
        <source>The team is started; you are its administrator.</source>
        <translation>Команда создана; вы её администратор.</translation>
    </message>
    <message>
        <source>Hand this code to {name} in person. Anyone who has it can join as {name} until they do; your next sync lets them in.</source>
        <translation>Передайте этот код лично: {name}. Пока {name} не присоединится, любой, у кого есть код, может войти под этим именем; ваша следующая синхронизация впустит участника.</translation>
    </message>
    <message>
        <source>Paste the invitation code, then press Enter:</source>
        <translation>Вставьте код приглашения и нажмите Enter:</translation>
    </message>
    <message>
        <source>No invitation code was given.</source>
        <translation>Код приглашения не указан.</translation>
    </message>
    <message>
        <source>You asked to join as {name}.</source>
        <translation>Вы попросили присоединиться как {name}.</translation>
    </message>
    <message>
        <source>An administrator&apos;s next sync lets you in; then run `casetracker sync` to receive the team&apos;s cases.</source>
        <translation>Следующая синхронизация администратора впустит вас; затем выполните `casetracker sync`, чтобы получить дела команды.</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>you</source>
        <translation>вы</translation>
    </message>
    <message>
        <source>{name}  (invited, not joined yet)</source>
        <translation>{name}  (приглашён, ещё не присоединился)</translation>
    </message>
    <message>
        <source>Record {seq}, {head}: compare it with a teammate after you both synced; if it differs, the server shows you different histories.</source>
        <translation>Запись {seq}, {head}: сравните с коллегой после того, как вы оба синхронизировались; если не совпадает, сервер показывает вам разную историю.</translation>
    </message>
    <message>
        <source>{name} is no longer a member: nothing written from now on can be read with their keys. What they already received stays with them.</source>
        <translation>{name} больше не участник: ничего из написанного с этого момента нельзя прочитать его ключами. Уже полученное остаётся у него.</translation>
    </message>
    <message>
        <source>waiting, from {name}</source>
        <translation>ожидает, от {name}</translation>
    </message>
    <message>
        <source>{n} conflict(s) to decide</source>
        <translation>расхождений для решения: {n}</translation>
    </message>
    <message>
        <source>No single conflict starts with {id}.</source>
        <translation>Нет единственного расхождения, номер которого начинается с {id}.</translation>
    </message>
    <message>
        <source>Decided; it reaches the team at the next sync.</source>
        <translation>Решено; команда получит это при следующей синхронизации.</translation>
    </message>
    <message>
        <source>Received {received}, sent {sent} change set(s).</source>
        <translation>Получено наборов изменений: {received}, отправлено: {sent}.</translation>
    </message>
    <message>
        <source>{name} joined the team.</source>
        <translation>{name} присоединяется к команде.</translation>
    </message>
    <message>
        <source>{n} conflict(s) to decide: `casetracker team conflicts` or the app.</source>
        <translation>Расхождений для решения: {n} — `casetracker team conflicts` или приложение.</translation>
    </message>
    <message>
        <source>Waiting for an administrator to let you in.</source>
        <translation>Ожидается, что администратор вас впустит.</translation>
    </message>
</context>
<context>
    <name>date_input</name>
    <message>
        <source>January</source>
        <comment>after a day: 31 January</comment>
        <translation>января</translation>
    </message>
    <message>
        <source>February</source>
        <comment>after a day: 31 January</comment>
        <translation>февраля</translation>
    </message>
    <message>
        <source>March</source>
        <comment>after a day: 31 January</comment>
        <translation>марта</translation>
    </message>
    <message>
        <source>April</source>
        <comment>after a day: 31 January</comment>
        <translation>апреля</translation>
    </message>
    <message>
        <source>May</source>
        <comment>after a day: 31 January</comment>
        <translation>мая</translation>
    </message>
    <message>
        <source>June</source>
        <comment>after a day: 31 January</comment>
        <translation>июня</translation>
    </message>
    <message>
        <source>July</source>
        <comment>after a day: 31 January</comment>
        <translation>июля</translation>
    </message>
    <message>
        <source>August</source>
        <comment>after a day: 31 January</comment>
        <translation>августа</translation>
    </message>
    <message>
        <source>September</source>
        <comment>after a day: 31 January</comment>
        <translation>сентября</translation>
    </message>
    <message>
        <source>October</source>
        <comment>after a day: 31 January</comment>
        <translation>октября</translation>
    </message>
    <message>
        <source>November</source>
        <comment>after a day: 31 January</comment>
        <translation>ноября</translation>
    </message>
    <message>
        <source>December</source>
        <comment>after a day: 31 January</comment>
        <translation>декабря</translation>
    </message>
    <message>
        <source>Type a date as {examples}.</source>
        <translation>Введите дату так: {examples}.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> или </translation>
    </message>
    <message>
        <source>Write the year with four digits, e.g. 2026.</source>
        <translation>Напишите год четырьмя цифрами, например 2026.</translation>
    </message>
    <message>
        <source>There is no month {month}.</source>
        <translation>Месяца {month} не бывает.</translation>
    </message>
    <message>
        <source>No month has a day {day}.</source>
        <translation>Дня {day} не бывает ни в одном месяце.</translation>
    </message>
    <message>
        <source>{year} is not a leap year: it has no 29 February.</source>
        <translation>{year} — не високосный год: 29 февраля в нём нет.</translation>
    </message>
    <message>
        <source>There is no {day} {month}.</source>
        <translation>{day} {month} не бывает.</translation>
    </message>
    <message>
        <source>A date before {year} is surely a typing slip.</source>
        <translation>Дата раньше {year} года — наверняка опечатка.</translation>
    </message>
    <message>
        <source>{day} is in the future: today is {today}.</source>
        <translation>{day} — это ещё будущее: сегодня {today}.</translation>
    </message>
    <message>
        <source>{time} is in the future: it is now {now}.</source>
        <translation>{time} — это ещё будущее: сейчас {now}.</translation>
    </message>
    <message>
        <source>Type the time as 18:00.</source>
        <translation>Введите время так: 18:00.</translation>
    </message>
    <message>
        <source>There is no hour {hour}.</source>
        <translation>Часа {hour} не бывает.</translation>
    </message>
    <message>
        <source>An hour has no minute {minute}.</source>
        <translation>Минуты {minute} в часе не бывает.</translation>
    </message>
</context>
<context>
    <name>dossier</name>
    <message>
        <source>Casetracker dossier</source>
        <translation>Досье Casetracker</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>withheld</source>
        <translation>скрыто</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ничего не записано</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Досье</translation>
    </message>
    <message>
        <source>About this dossier</source>
        <translation>Об этом досье</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Signed by (fingerprint)</source>
        <translation>Подписано (отпечаток)</translation>
    </message>
    <message>
        <source>Redaction profile</source>
        <translation>Профиль сокрытия</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Relatives appear only where they agreed to be shared with a lawyer; an anonymous relative&apos;s identity is withheld.</source>
        <translation>Родственники указаны, только если согласились на передачу сведений адвокату; личность анонимного родственника скрыта.</translation>
    </message>
    <message>
        <source>(name changed)</source>
        <translation>(имя изменено)</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Другие написания</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Родной регион</translation>
    </message>
    <message>
        <source>Military unit</source>
        <translation>Воинская часть</translation>
    </message>
    <message>
        <source>Unit base</source>
        <translation>Место дислокации части</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Контракт</translation>
    </message>
    <message>
        <source>Refusal date</source>
        <translation>Дата отказа</translation>
    </message>
    <message>
        <source>Detention date</source>
        <translation>Дата задержания</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>Адвокат</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Куратор</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Сигналы</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>С</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>История статусов</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Custody timeline</source>
        <translation>Где содержался</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>По</translation>
    </message>
    <message>
        <source>How sure</source>
        <translation>Достоверность</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>now</source>
        <translation>по сей день</translation>
    </message>
    <message>
        <source>anonymous — identity withheld</source>
        <translation>аноним — личность скрыта</translation>
    </message>
    <message>
        <source>Made for media: relatives appear only where they agreed to be named to journalists; no phone numbers, messengers or notes are included.</source>
        <translation>Подготовлено для СМИ: родственники указаны, только если согласились, чтобы их назвали журналистам; телефоны, мессенджеры и заметки не включены.</translation>
    </message>
    <message>
        <source>Made for a partner organisation: relatives appear only where they agreed to be shared with one; an anonymous relative&apos;s identity is withheld.</source>
        <translation>Подготовлено для партнёрской организации: родственники указаны, только если согласились на такую передачу; личность анонимного родственника скрыта.</translation>
    </message>
    <message>
        <source>Relatives and contacts</source>
        <translation>Родственники и контакты</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Кем приходится</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>Handles</source>
        <translation>Мессенджеры</translation>
    </message>
    <message numerus="yes">
        <source>Relatives withheld for lack of consent: %n</source>
        <translation>
            <numerusform>Скрыт %n родственник: нет согласия на передачу сведений</numerusform>
            <numerusform>Скрыты %n родственника: нет согласия на передачу сведений</numerusform>
            <numerusform>Скрыто %n родственников: нет согласия на передачу сведений</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>Журнал контактов</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Heard himself?</source>
        <translation>Слышали его самого?</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Что сказано</translation>
    </message>
    <message>
        <source>yes — proof of life</source>
        <translation>да — подтверждение жизни</translation>
    </message>
    <message>
        <source>no — second-hand</source>
        <translation>нет — со слов других</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубликовано</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Где найти</translation>
    </message>
    <message>
        <source>Allegations</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Attached files (in the bundle)</source>
        <translation>Вложенные файлы (в пакете)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>In the bundle as</source>
        <translation>В пакете как</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Statistics (anonymised)</source>
        <translation>Статистика (обезличенная)</translation>
    </message>
    <message>
        <source>Cases by status</source>
        <translation>Дела по статусам</translation>
    </message>
    <message>
        <source>Cases by home region</source>
        <translation>Дела по родным регионам</translation>
    </message>
    <message>
        <source>Cases by military unit</source>
        <translation>Дела по воинским частям</translation>
    </message>
    <message>
        <source>Men held now, by place</source>
        <translation>Содержатся сейчас, по местам</translation>
    </message>
    <message>
        <source>Flags by rule</source>
        <translation>Сигналы по правилам</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>There is not enough memory for this. Close other programs and try again.</source>
        <translation>Для этого не хватает памяти. Закройте другие программы и попробуйте снова.</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>причина неизвестна</translation>
    </message>
    <message>
        <source>A file could not be read or written ({reason}).</source>
        <translation>Не удалось прочитать или записать файл ({reason}).</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}). Nothing was changed.</source>
        <translation>Что-то пошло не так ({kind}). Ничего не изменено.</translation>
    </message>
    <message>
        <source>Casetracker</source>
        <translation>Casetracker</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>reference</source>
        <translation>номер</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>changed name</source>
        <translation>имя изменено</translation>
    </message>
    <message>
        <source>other spellings</source>
        <translation>другие написания</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <source>home region</source>
        <translation>родной регион</translation>
    </message>
    <message>
        <source>military unit</source>
        <translation>воинская часть</translation>
    </message>
    <message>
        <source>home base</source>
        <translation>место дислокации</translation>
    </message>
    <message>
        <source>contract type</source>
        <translation>тип контракта</translation>
    </message>
    <message>
        <source>contract from</source>
        <translation>контракт с</translation>
    </message>
    <message>
        <source>contract until</source>
        <translation>контракт до</translation>
    </message>
    <message>
        <source>refusal date</source>
        <translation>дата отказа</translation>
    </message>
    <message>
        <source>detention date</source>
        <translation>дата задержания</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>previous status</source>
        <translation>прежний статус</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>приоритет</translation>
    </message>
    <message>
        <source>caseworker</source>
        <translation>куратор</translation>
    </message>
    <message>
        <source>lawyer</source>
        <translation>адвокат</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>метки</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>заметки</translation>
    </message>
    <message>
        <source>note</source>
        <translation>заметка</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>settlement</source>
        <translation>населённый пункт</translation>
    </message>
    <message>
        <source>region</source>
        <translation>регион</translation>
    </message>
    <message>
        <source>controlled by</source>
        <translation>кто контролирует</translation>
    </message>
    <message>
        <source>people held</source>
        <translation>сколько содержится</translation>
    </message>
    <message>
        <source>head-count date</source>
        <translation>дата подсчёта</translation>
    </message>
    <message>
        <source>head-count source</source>
        <translation>источник подсчёта</translation>
    </message>
    <message>
        <source>since</source>
        <translation>с</translation>
    </message>
    <message>
        <source>until</source>
        <translation>по</translation>
    </message>
    <message>
        <source>how sure</source>
        <translation>достоверность</translation>
    </message>
    <message>
        <source>phones</source>
        <translation>телефоны</translation>
    </message>
    <message>
        <source>messengers</source>
        <translation>мессенджеры</translation>
    </message>
    <message>
        <source>language</source>
        <translation>язык</translation>
    </message>
    <message>
        <source>city</source>
        <translation>город</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>анонимно</translation>
    </message>
    <message>
        <source>may share with a lawyer</source>
        <translation>можно адвокату</translation>
    </message>
    <message>
        <source>may share with media</source>
        <translation>можно СМИ</translation>
    </message>
    <message>
        <source>relationship</source>
        <translation>кем приходится</translation>
    </message>
    <message>
        <source>when</source>
        <translation>когда</translation>
    </message>
    <message>
        <source>hour known</source>
        <translation>час известен</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>канал</translation>
    </message>
    <message>
        <source>heard him himself</source>
        <translation>слышали его самого</translation>
    </message>
    <message>
        <source>who spoke</source>
        <translation>кто говорил</translation>
    </message>
    <message>
        <source>reports a transfer</source>
        <translation>сообщает о переводе</translation>
    </message>
    <message>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <source>verification</source>
        <translation>проверка</translation>
    </message>
    <message>
        <source>published</source>
        <translation>опубликовано</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>file type</source>
        <translation>тип файла</translation>
    </message>
    <message>
        <source>size</source>
        <translation>размер</translation>
    </message>
    <message>
        <source>description</source>
        <translation>описание</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>правило</translation>
    </message>
    <message>
        <source>first raised</source>
        <translation>впервые поднят</translation>
    </message>
    <message>
        <source>severity when acknowledged</source>
        <translation>уровень при принятии к сведению</translation>
    </message>
    <message>
        <source>acknowledged on</source>
        <translation>принят к сведению</translation>
    </message>
    <message>
        <source>snoozed until</source>
        <translation>отложен до</translation>
    </message>
    <message>
        <source>acknowledged by</source>
        <translation>кто принял к сведению</translation>
    </message>
    <message>
        <source>snoozed for days</source>
        <translation>отложен на дней</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>дел</translation>
    </message>
    <message>
        <source>case merged in</source>
        <translation>присоединённое дело</translation>
    </message>
    <message>
        <source>merged into</source>
        <translation>объединено с делом</translation>
    </message>
    <message>
        <source>{field} — how exact</source>
        <translation>{field} — точность</translation>
    </message>
</context>
<context>
    <name>form_parts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>Case details</source>
        <translation>Данные дела</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Places of custody</source>
        <translation>Места содержания</translation>
    </message>
    <message>
        <source>Relatives</source>
        <translation>Родственники</translation>
    </message>
    <message>
        <source>Sources and evidence</source>
        <translation>Источники и доказательства</translation>
    </message>
    <message>
        <source>Consent and disclosures</source>
        <translation>Согласия и передача данных</translation>
    </message>
    <message>
        <source>Same person and merges</source>
        <translation>Один человек и объединения дел</translation>
    </message>
    <message>
        <source>Requests and tasks</source>
        <translation>Запросы и задачи</translation>
    </message>
    <message>
        <source>Flags and other</source>
        <translation>Сигналы и прочее</translation>
    </message>
    <message>
        <source>case</source>
        <translation>дело</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <source>place of custody</source>
        <translation>место содержания</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>родственник</translation>
    </message>
    <message>
        <source>relative link</source>
        <translation>связь с родственником</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>source link</source>
        <translation>связь с источником</translation>
    </message>
    <message>
        <source>allegation link</source>
        <translation>связь с нарушением</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>вложение</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>сигнал</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>согласие</translation>
    </message>
    <message>
        <source>disclosure</source>
        <translation>передача данных</translation>
    </message>
    <message>
        <source>same-person link</source>
        <translation>отметка «один человек»</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>объединение дел</translation>
    </message>
    <message>
        <source>request</source>
        <translation>запрос</translation>
    </message>
    <message>
        <source>task</source>
        <translation>задача</translation>
    </message>
    <message>
        <source>added</source>
        <translation>добавлено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>принято к сведению</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортировано</translation>
    </message>
    <message>
        <source>no longer held there</source>
        <translation>больше не содержится там</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>уровень</translation>
    </message>
    <message>
        <source>about</source>
        <translation>касается</translation>
    </message>
    <message>
        <source>addressee</source>
        <translation>адресат</translation>
    </message>
    <message>
        <source>sent on</source>
        <translation>отправлен</translation>
    </message>
    <message>
        <source>outgoing number</source>
        <translation>исходящий номер</translation>
    </message>
    <message>
        <source>registration number</source>
        <translation>регистрационный номер</translation>
    </message>
    <message>
        <source>signed by</source>
        <translation>подписал</translation>
    </message>
    <message>
        <source>reply received on</source>
        <translation>ответ получен</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>ответ</translation>
    </message>
    <message>
        <source>reply text</source>
        <translation>текст ответа</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <source>who does it</source>
        <translation>исполнитель</translation>
    </message>
    <message>
        <source>due on</source>
        <translation>срок</translation>
    </message>
    <message>
        <source>done on</source>
        <translation>выполнена</translation>
    </message>
    <message>
        <source>done by</source>
        <translation>выполнил(а)</translation>
    </message>
    <message>
        <source>who may see it</source>
        <translation>кому можно показывать</translation>
    </message>
    <message>
        <source>given on</source>
        <translation>дано</translation>
    </message>
    <message>
        <source>how it was given</source>
        <translation>как получено</translation>
    </message>
    <message>
        <source>given through</source>
        <translation>через кого</translation>
    </message>
    <message>
        <source>withdrawn on</source>
        <translation>отозвано</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>профиль</translation>
    </message>
    <message>
        <source>what was sent</source>
        <translation>что отправлено</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>получатели</translation>
    </message>
    <message>
        <source>with a passphrase</source>
        <translation>с парольной фразой</translation>
    </message>
    <message>
        <source>relatives withheld</source>
        <translation>скрыто родственников</translation>
    </message>
    <message>
        <source>sent without his consent because</source>
        <translation>отправлено без его согласия, потому что</translation>
    </message>
    <message>
        <source>signed with the key</source>
        <translation>подписано ключом</translation>
    </message>
    <message>
        <source>sent by</source>
        <translation>отправил(а)</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>решение</translation>
    </message>
    <message>
        <source>decided by</source>
        <translation>решил(а)</translation>
    </message>
    <message>
        <source>decided on</source>
        <translation>дата решения</translation>
    </message>
    <message>
        <source>the same man</source>
        <translation>один и тот же человек</translation>
    </message>
    <message>
        <source>not the same man</source>
        <translation>разные люди</translation>
    </message>
    <message>
        <source>the exact day</source>
        <comment>an uncertain date made exact</comment>
        <translation>точный день</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>what was changed, then how: case changed</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>signed by %1</source>
        <translation>подписано: %1</translation>
    </message>
    <message>
        <source>a former member</source>
        <translation>бывший участник</translation>
    </message>
</context>
<context>
    <name>label_plurals</name>
    <message numerus="yes">
        <source>Critical (%n)</source>
        <translation>
            <numerusform>Критические (%n)</numerusform>
            <numerusform>Критические (%n)</numerusform>
            <numerusform>Критические (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>Предупреждения (%n)</numerusform>
            <numerusform>Предупреждения (%n)</numerusform>
            <numerusform>Предупреждения (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reminders (%n)</source>
        <translation>
            <numerusform>Напоминания (%n)</numerusform>
            <numerusform>Напоминания (%n)</numerusform>
            <numerusform>Напоминания (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>spreadsheet import</source>
        <translation>импорт из таблицы</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>Служит</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказался</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>Задержан</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Переведён</translation>
    </message>
    <message>
        <source>Whereabouts unknown</source>
        <translation>Местонахождение неизвестно</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Освобождён</translation>
    </message>
    <message>
        <source>Returned home</source>
        <translation>Вернулся домой</translation>
    </message>
    <message>
        <source>Sent back to the front</source>
        <translation>Отправлен обратно на фронт</translation>
    </message>
    <message>
        <source>Contract terminated</source>
        <translation>Контракт расторгнут</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Умер</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Срочный</translation>
    </message>
    <message>
        <source>Basement</source>
        <translation>Подвал</translation>
    </message>
    <message>
        <source>Garage</source>
        <translation>Гараж</translation>
    </message>
    <message>
        <source>Detention centre</source>
        <translation>Центр содержания</translation>
    </message>
    <message>
        <source>Prosecutor&apos;s office</source>
        <translation>Прокуратура</translation>
    </message>
    <message>
        <source>Pre-trial prison</source>
        <translation>СИЗО</translation>
    </message>
    <message>
        <source>Military unit</source>
        <translation>Воинская часть</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Госпиталь</translation>
    </message>
    <message>
        <source>Other place</source>
        <translation>Другое место</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждено</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>По сообщениям</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Не проверено</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Письмо</translation>
    </message>
    <message>
        <source>Via lawyer</source>
        <translation>Через адвоката</translation>
    </message>
    <message>
        <source>Corroborated</source>
        <translation>Подкреплено</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Оспаривается</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Media report</source>
        <translation>Публикация СМИ</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Torture</source>
        <translation>Пытки</translation>
    </message>
    <message>
        <source>Forced labour</source>
        <translation>Принудительный труд</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>Угрозы</translation>
    </message>
    <message>
        <source>Pressure to return to the front</source>
        <translation>Давление с целью вернуть на фронт</translation>
    </message>
    <message>
        <source>Denial of medical care</source>
        <translation>Отказ в медицинской помощи</translation>
    </message>
    <message>
        <source>Held incommunicado</source>
        <translation>Без связи с внешним миром</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Критический</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>anonymised (no names, statistics only)</source>
        <translation>обезличенный (без имён, только статистика)</translation>
    </message>
    <message>
        <source>for a lawyer (relatives as far as they consented)</source>
        <translation>для адвоката (родственники — в пределах их согласия)</translation>
    </message>
    <message>
        <source>for media (only what people agreed journalists may see)</source>
        <translation>для СМИ (только то, что люди разрешили показать журналистам)</translation>
    </message>
    <message>
        <source>for a partner organisation (relatives as far as they consented)</source>
        <translation>для партнёрской организации (родственники — в пределах их согласия)</translation>
    </message>
    <message>
        <source>a lawyer</source>
        <translation>адвокату</translation>
    </message>
    <message>
        <source>a partner organisation</source>
        <translation>партнёрской организации</translation>
    </message>
    <message>
        <source>media</source>
        <translation>СМИ</translation>
    </message>
    <message>
        <source>public statistics</source>
        <translation>в открытую статистику</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>лично</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>по телефону</translation>
    </message>
    <message>
        <source>through a relative</source>
        <translation>через родственника</translation>
    </message>
    <message>
        <source>in writing</source>
        <translation>письменно</translation>
    </message>
    <message>
        <source>recorded before consent tracking</source>
        <translation>отмечено до учёта согласий</translation>
    </message>
    <message>
        <source>for a lawyer</source>
        <translation>для адвоката</translation>
    </message>
    <message>
        <source>for media</source>
        <translation>для СМИ</translation>
    </message>
    <message>
        <source>for a partner</source>
        <translation>для партнёра</translation>
    </message>
    <message>
        <source>anonymised</source>
        <translation>обезличенно</translation>
    </message>
</context>
<context>
    <name>letters</name>
    <message>
        <source>his full name</source>
        <translation>его фамилия, имя и отчество</translation>
    </message>
    <message>
        <source>his date of birth</source>
        <translation>его дата рождения</translation>
    </message>
    <message>
        <source>his military unit</source>
        <translation>его воинская часть</translation>
    </message>
    <message>
        <source>the place he is held now, as recorded</source>
        <translation>где он содержится сейчас, по нашим записям</translation>
    </message>
    <message>
        <source>the day he was detained</source>
        <translation>дата задержания</translation>
    </message>
    <message>
        <source>the day he refused to fight</source>
        <translation>дата отказа от участия в боевых действиях</translation>
    </message>
    <message>
        <source>his status, in words</source>
        <translation>его положение, словами</translation>
    </message>
    <message>
        <source>the case reference</source>
        <translation>номер дела</translation>
    </message>
    <message>
        <source>the case&apos;s caseworker</source>
        <translation>сотрудник, который ведёт дело</translation>
    </message>
    <message>
        <source>today&apos;s date, in words</source>
        <translation>сегодняшняя дата, месяц словом</translation>
    </message>
    <message>
        <source>the request&apos;s addressee</source>
        <translation>адресат запроса</translation>
    </message>
    <message>
        <source>the request&apos;s outgoing number</source>
        <translation>исходящий номер запроса</translation>
    </message>
    <message>
        <source>the day the request was sent</source>
        <translation>дата отправки запроса</translation>
    </message>
    <message>
        <source>who signed the request</source>
        <translation>кто подписал запрос</translation>
    </message>
    <message>
        <source>The template has placeholders the app does not know: %1. Use one of the listed placeholders, or write a brace twice ({{ or }}) to print it.</source>
        <translation>В шаблоне есть поля, которых программа не знает: %1. Выберите поле из списка, а чтобы напечатать фигурную скобку, напишите её дважды ({{ или }}).</translation>
    </message>
    <message>
        <source>No letter template of the kind “%1”. The kinds are: %2.</source>
        <translation>Нет шаблона письма вида «%1». Есть такие виды: %2.</translation>
    </message>
    <message>
        <source>A letter template cannot be empty.</source>
        <translation>Шаблон письма не может быть пустым.</translation>
    </message>
    <message>
        <source>Case %1 has no request %2.</source>
        <translation>В деле %1 нет запроса %2.</translation>
    </message>
    <message>
        <source>A letter is saved as .pdf, .odt or .docx, not “%1”.</source>
        <translation>Письмо можно сохранить только как .pdf, .odt или .docx, а не как «%1».</translation>
    </message>
    <message>
        <source>Any other addressee</source>
        <translation>Другой адресат</translation>
    </message>
</context>
<context>
    <name>passphrase</name>
    <message>
        <source>A passphrase needs at least {n} characters; several words are best.</source>
        <translation>В парольной фразе должно быть не меньше {n} символов; лучше всего несколько слов.</translation>
    </message>
</context>
<context>
    <name>record_counts</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n дело</numerusform>
            <numerusform>%n дела</numerusform>
            <numerusform>%n дел</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relative(s)</source>
        <translation>
            <numerusform>%n родственник</numerusform>
            <numerusform>%n родственника</numerusform>
            <numerusform>%n родственников</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) in the log</source>
        <translation>
            <numerusform>%n контакт в журнале</numerusform>
            <numerusform>%n контакта в журнале</numerusform>
            <numerusform>%n контактов в журнале</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status change(s)</source>
        <translation>
            <numerusform>%n смена статуса</numerusform>
            <numerusform>%n смены статуса</numerusform>
            <numerusform>%n смен статуса</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n custody period(s)</source>
        <translation>
            <numerusform>%n период содержания</numerusform>
            <numerusform>%n периода содержания</numerusform>
            <numerusform>%n периодов содержания</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n место</numerusform>
            <numerusform>%n места</numerusform>
            <numerusform>%n мест</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n источник</numerusform>
            <numerusform>%n источника</numerusform>
            <numerusform>%n источников</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n allegation(s)</source>
        <translation>
            <numerusform>%n нарушение</numerusform>
            <numerusform>%n нарушения</numerusform>
            <numerusform>%n нарушений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attached file(s)</source>
        <translation>
            <numerusform>%n вложение</numerusform>
            <numerusform>%n вложения</numerusform>
            <numerusform>%n вложений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) between cases and relatives</source>
        <translation>
            <numerusform>%n связь между делами и родственниками</numerusform>
            <numerusform>%n связи между делами и родственниками</numerusform>
            <numerusform>%n связей между делами и родственниками</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) between sources and cases</source>
        <translation>
            <numerusform>%n связь между источниками и делами</numerusform>
            <numerusform>%n связи между источниками и делами</numerusform>
            <numerusform>%n связей между источниками и делами</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) between sources and places</source>
        <translation>
            <numerusform>%n связь между источниками и местами</numerusform>
            <numerusform>%n связи между источниками и местами</numerusform>
            <numerusform>%n связей между источниками и местами</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) between allegations and cases</source>
        <translation>
            <numerusform>%n связь между нарушениями и делами</numerusform>
            <numerusform>%n связи между нарушениями и делами</numerusform>
            <numerusform>%n связей между нарушениями и делами</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) in the history of changes</source>
        <translation>
            <numerusform>%n запись в истории изменений</numerusform>
            <numerusform>%n записи в истории изменений</numerusform>
            <numerusform>%n записей в истории изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n acknowledged or snoozed flag(s)</source>
        <translation>
            <numerusform>%n принятый или отложенный сигнал</numerusform>
            <numerusform>%n принятых или отложенных сигнала</numerusform>
            <numerusform>%n принятых или отложенных сигналов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n сигнал</numerusform>
            <numerusform>%n сигнала</numerusform>
            <numerusform>%n сигналов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved spreadsheet mapping(s)</source>
        <translation>
            <numerusform>%n сохранённое сопоставление столбцов</numerusform>
            <numerusform>%n сохранённых сопоставления столбцов</numerusform>
            <numerusform>%n сохранённых сопоставлений столбцов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) known from bundles</source>
        <translation>
            <numerusform>%n запись, известная из пакетов</numerusform>
            <numerusform>%n записи, известные из пакетов</numerusform>
            <numerusform>%n записей, известных из пакетов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set(s) of this organisation&apos;s keys</source>
        <translation>
            <numerusform>%n набор ключей организации</numerusform>
            <numerusform>%n набора ключей организации</numerusform>
            <numerusform>%n наборов ключей организации</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) in the address book</source>
        <translation>
            <numerusform>%n получатель в адресной книге</numerusform>
            <numerusform>%n получателя в адресной книге</numerusform>
            <numerusform>%n получателей в адресной книге</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) to official bodies</source>
        <translation>
            <numerusform>%n запрос в органы и организации</numerusform>
            <numerusform>%n запроса в органы и организации</numerusform>
            <numerusform>%n запросов в органы и организации</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) given or withdrawn</source>
        <translation>
            <numerusform>%n согласие (данное или отозванное)</numerusform>
            <numerusform>%n согласия (данные или отозванные)</numerusform>
            <numerusform>%n согласий (данных или отозванных)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) in the disclosure log</source>
        <translation>
            <numerusform>%n запись в журнале передачи сведений</numerusform>
            <numerusform>%n записи в журнале передачи сведений</numerusform>
            <numerusform>%n записей в журнале передачи сведений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter template(s)</source>
        <translation>
            <numerusform>%n шаблон письма</numerusform>
            <numerusform>%n шаблона писем</numerusform>
            <numerusform>%n шаблонов писем</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n задача</numerusform>
            <numerusform>%n задачи</numerusform>
            <numerusform>%n задач</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) whether two cases are one man</source>
        <translation>
            <numerusform>%n решение, один ли человек в двух делах</numerusform>
            <numerusform>%n решения, один ли человек в двух делах</numerusform>
            <numerusform>%n решений, один ли человек в двух делах</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) between team members&apos; changes</source>
        <translation>
            <numerusform>%n расхождение между изменениями участников команды</numerusform>
            <numerusform>%n расхождения между изменениями участников команды</numerusform>
            <numerusform>%n расхождений между изменениями участников команды</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n team membership(s)</source>
        <translation>
            <numerusform>%n членство в команде</numerusform>
            <numerusform>%n членства в команде</numerusform>
            <numerusform>%n членств в команде</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n team invitation(s) not answered yet</source>
        <translation>
            <numerusform>%n приглашение в команду, ещё без ответа</numerusform>
            <numerusform>%n приглашения в команду, ещё без ответа</numerusform>
            <numerusform>%n приглашений в команду, ещё без ответа</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n history record(s) signed by a team member</source>
        <translation>
            <numerusform>%n запись истории, подписанная участником команды</numerusform>
            <numerusform>%n записи истории, подписанные участником команды</numerusform>
            <numerusform>%n записей истории, подписанных участником команды</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Число дел</translation>
    </message>
    <message>
        <source>Detention date</source>
        <translation>Дата задержания</translation>
    </message>
    <message>
        <source>Detentions</source>
        <translation>Число задержаний</translation>
    </message>
    <message>
        <source>Without proof of life</source>
        <translation>Без подтверждения, что жив</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Число человек</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Men held</source>
        <translation>Удерживалось человек</translation>
    </message>
    <message>
        <source>Case references</source>
        <translation>Номера дел</translation>
    </message>
    <message>
        <source>{weeks}+ weeks</source>
        <translation>{weeks}+ нед.</translation>
    </message>
    <message>
        <source>{first}–{last} weeks</source>
        <translation>{first}–{last} нед.</translation>
    </message>
    <message>
        <source>Cases by status at the end of each month</source>
        <translation>Дела по статусам на конец каждого месяца</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) without a detention date are not counted.</source>
        <translation>
            <numerusform>%n дело без даты задержания не учтено.</numerusform>
            <numerusform>%n дела без даты задержания не учтены.</numerusform>
            <numerusform>%n дел без даты задержания не учтено.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n detention(s) before the first month shown.</source>
        <translation>
            <numerusform>%n задержание раньше первого показанного месяца.</numerusform>
            <numerusform>%n задержания раньше первого показанного месяца.</numerusform>
            <numerusform>%n задержаний раньше первого показанного месяца.</numerusform>
        </translation>
    </message>
    <message>
        <source>New detentions per month</source>
        <translation>Новые задержания по месяцам</translation>
    </message>
    <message>
        <source>month known</source>
        <translation>месяц известен</translation>
    </message>
    <message>
        <source>month not certain (earliest possible)</source>
        <translation>месяц неточен (самый ранний из возможных)</translation>
    </message>
    <message>
        <source>held</source>
        <translation>удерживаются</translation>
    </message>
    <message>
        <source>serving or refused</source>
        <translation>служат или отказались</translation>
    </message>
    <message>
        <source>Men by weeks without proof of life</source>
        <translation>Сколько недель нет подтверждения, что человек жив</translation>
    </message>
    <message>
        <source>Men held per place, month by month</source>
        <translation>Сколько человек удерживалось в каждом месте по месяцам</translation>
    </message>
    <message numerus="yes">
        <source>%n other place(s)</source>
        <translation>
            <numerusform>ещё %n место</numerusform>
            <numerusform>ещё %n места</numerusform>
            <numerusform>ещё %n мест</numerusform>
        </translation>
    </message>
    <message>
        <source>No cases to count in these months.</source>
        <translation>За эти месяцы считать нечего.</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Не удалось подключиться к принтеру.</translation>
    </message>
    <message>
        <source>Casetracker report · {period} · printed on {date} · counts only, no names</source>
        <translation>Отчёт Casetracker · {period} · напечатан {date} · только числа, без имён</translation>
    </message>
</context>
<context>
    <name>request_words</name>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>просрочка %n день</numerusform>
            <numerusform>просрочка %n дня</numerusform>
            <numerusform>просрочка %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>срок сегодня</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>остался %n день</numerusform>
            <numerusform>осталось %n дня</numerusform>
            <numerusform>осталось %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1 · %2</source>
        <translation>до %1 · %2</translation>
    </message>
</context>
<context>
    <name>requests</name>
    <message>
        <source>Military prosecutor&apos;s office</source>
        <translation>Военная прокуратура</translation>
    </message>
    <message>
        <source>Military investigators</source>
        <translation>Военный следственный орган СК</translation>
    </message>
    <message>
        <source>Human rights commissioner</source>
        <translation>Уполномоченный по правам человека</translation>
    </message>
    <message>
        <source>Unit commander</source>
        <translation>Командир части</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Суд</translation>
    </message>
    <message>
        <source>Red Cross</source>
        <translation>Красный Крест</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Госпиталь или больница</translation>
    </message>
    <message>
        <source>Other body</source>
        <translation>Другой орган</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Почтой</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>По электронной почте</translation>
    </message>
    <message>
        <source>Online reception</source>
        <translation>Через интернет-приёмную</translation>
    </message>
    <message>
        <source>Handed in person</source>
        <translation>Лично (нарочным)</translation>
    </message>
    <message>
        <source>By fax</source>
        <translation>По факсу</translation>
    </message>
    <message>
        <source>Other way</source>
        <translation>Иным способом</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Ответ по существу</translation>
    </message>
    <message>
        <source>Partial or formal answer</source>
        <translation>Частичный или формальный ответ</translation>
    </message>
    <message>
        <source>Forwarded to another body</source>
        <translation>Перенаправлен в другой орган</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказ</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>{refs} and {n} more</source>
        <translation>{refs} и ещё {n}</translation>
    </message>
    <message>
        <source>{count} cases at {place} fell silent within {hours} hours</source>
        <translation>В месте «{place}» разом замолчали дела ({count}) — в пределах {hours} ч</translation>
    </message>
    <message>
        <source>{head} (last proof of life {dates}): {refs}. Possible mass transfer.</source>
        <translation>{head} (последние подтверждения жизни: {dates}): {refs}. Возможен массовый перевод.</translation>
    </message>
    <message>
        <source>Place fell silent</source>
        <translation>Место замолчало</translation>
    </message>
    <message>
        <source>Detained since {date} — {days}; warning after {limit}.</source>
        <translation>Задержан с {date} — {days}; предупреждение после {limit} дн.</translation>
    </message>
    <message>
        <source>Long detention</source>
        <translation>Долгое задержание</translation>
    </message>
    <message>
        <source>{head}; warning after {warning}, critical after {critical}.</source>
        <translation>{head}; предупреждение после {warning} дн., критично после {critical} дн.</translation>
    </message>
    <message>
        <source>No proof of life since {date} — {days}</source>
        <translation>Нет подтверждения жизни с {date} — {days}</translation>
    </message>
    <message>
        <source>No proof of life since detention on {date} — {days}</source>
        <translation>Нет подтверждения жизни с задержания {date} — {days}</translation>
    </message>
    <message>
        <source>No proof of life since the refusal on {date} — {days}</source>
        <translation>Нет подтверждения жизни с отказа {date} — {days}</translation>
    </message>
    <message>
        <source>No proof of life since the case was opened on {date} — {days}</source>
        <translation>Нет подтверждения жизни с открытия дела {date} — {days}</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>Пропала связь</translation>
    </message>
    <message>
        <source>No lawyer assigned; detained since {date} — {days}; warning after {limit}.</source>
        <translation>Адвоката нет; задержан с {date} — {days}; предупреждение после {limit} дн.</translation>
    </message>
    <message>
        <source>No lawyer</source>
        <translation>Нет адвоката</translation>
    </message>
    <message>
        <source>No proof of life since the transfer reported on {date} — {days}; critical after {limit}.</source>
        <translation>Нет подтверждения жизни после перевода, о котором сообщили {date}, — {days}; критично после {limit} дн.</translation>
    </message>
    <message>
        <source>Silent after transfer</source>
        <translation>Молчит после перевода</translation>
    </message>
    <message>
        <source>No contact, status change or move recorded since {date} — {days}; reminder after {limit}.</source>
        <translation>Ни контактов, ни смены статуса, ни перевода с {date} — {days}; напоминание после {limit} дн.</translation>
    </message>
    <message>
        <source>No news</source>
        <translation>Нет новостей</translation>
    </message>
    <message>
        <source>Whereabouts unknown since {date} — {days}.</source>
        <translation>Местонахождение неизвестно с {date} — {days}.</translation>
    </message>
    <message>
        <source>Transferred, but no current place is recorded since {date} — {days}.</source>
        <translation>Переведён, но нынешнее место не записано с {date} — {days}.</translation>
    </message>
    <message>
        <source>Detained, but no current place is recorded since {date} — {days}.</source>
        <translation>Задержан, но нынешнее место не записано с {date} — {days}.</translation>
    </message>
    <message>
        <source>Whereabouts unknown</source>
        <translation>Местонахождение неизвестно</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>at least {least}, up to {most}</source>
        <translation>как минимум {least}, самое большее {most}</translation>
    </message>
    <message>
        <source>at least {least}</source>
        <translation>как минимум {least}</translation>
    </message>
    <message>
        <source>up to {most}</source>
        <translation>самое большее {most}</translation>
    </message>
    <message>
        <source>{elapsed} (the day is known only as {span})</source>
        <translation>{elapsed} (день известен лишь приблизительно: {span})</translation>
    </message>
    <message>
        <source>There is no rule called {rule}. The rules are: {rules}.</source>
        <translation>Правила {rule} нет. Есть правила: {rules}.</translation>
    </message>
    <message>
        <source>Say which case or which place the flag is about.</source>
        <translation>Укажите, к какому делу или месту относится сигнал.</translation>
    </message>
    <message>
        <source>Add a short note saying why, for the colleagues.</source>
        <translation>Добавьте короткую заметку для коллег — почему.</translation>
    </message>
    <message>
        <source>A snooze lasts from 1 to {max} days.</source>
        <translation>Отложить можно на срок от 1 до {max} дн.</translation>
    </message>
    <message>
        <source>{subject} has no {rule} flag on {date}, so there is nothing to acknowledge.</source>
        <translation>У {subject} нет сигнала {rule} на {date}, принимать к сведению нечего.</translation>
    </message>
    <message>
        <source>This place is not in the vault.</source>
        <translation>Этого места нет в хранилище.</translation>
    </message>
    <message>
        <source>There is no place called {name}.</source>
        <translation>Места с названием {name} нет.</translation>
    </message>
    <message>
        <source>Several places are called {name}; give the place&apos;s id instead.</source>
        <translation>Несколько мест называются {name}; укажите вместо названия id места.</translation>
    </message>
    <message>
        <source>{body} refused on {replied} (request of {sent}). Consider a complaint to the superior body or to a court.</source>
        <translation>{body}: отказ от {replied} (запрос от {sent}). Рассмотрите жалобу в вышестоящий орган или в суд.</translation>
    </message>
    <message>
        <source>{count}; the newest: {body} on {replied} (request of {sent}). Consider complaints to the superior bodies or to a court.</source>
        <translation>{count}; последний: {body}, отказ от {replied} (запрос от {sent}). Рассмотрите жалобы в вышестоящие органы или в суд.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) refused</source>
        <translation>
            <numerusform>%n запрос получил отказ</numerusform>
            <numerusform>%n запроса получили отказ</numerusform>
            <numerusform>%n запросов получили отказ</numerusform>
        </translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation>Отказ по запросу</translation>
    </message>
    <message>
        <source>{date}, No. {number}</source>
        <translation>{date}, исх. № {number}</translation>
    </message>
    <message>
        <source>{body}: no reply to the request of {sent}; it was due on {due} ({allowed} to reply), {late} overdue. Send a reminder or complain to the superior body.</source>
        <translation>{body}: нет ответа на запрос от {sent}; ответ должен был прийти до {due} ({allowed} на ответ), просрочка — {late}. Направьте напоминание или жалобу в вышестоящий орган.</translation>
    </message>
    <message>
        <source>{count}; the oldest: {body}, request of {sent}, due on {due} ({allowed} to reply), {late} overdue. Send reminders or complain to the superior bodies.</source>
        <translation>{count}; самый давний: {body}, запрос от {sent}, ответ до {due} ({allowed} на ответ), просрочка — {late}. Направьте напоминания или жалобы в вышестоящие органы.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) without a reply in time</source>
        <translation>
            <numerusform>%n запрос без ответа в срок</numerusform>
            <numerusform>%n запроса без ответа в срок</numerusform>
            <numerusform>%n запросов без ответа в срок</numerusform>
        </translation>
    </message>
    <message>
        <source>Request without a reply</source>
        <translation>Запрос без ответа</translation>
    </message>
</context>
<context>
    <name>same_person</name>
    <message>
        <source>not the same man as {ref}</source>
        <translation>не тот же человек, что в деле {ref}</translation>
    </message>
    <message>
        <source>the same man as {ref} ({certainty})</source>
        <translation>тот же человек, что в деле {ref} ({certainty})</translation>
    </message>
    <message>
        <source>certain</source>
        <translation>точно</translation>
    </message>
    <message>
        <source>likely</source>
        <translation>вероятно</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>возможно</translation>
    </message>
    <message>
        <source>A case cannot be linked to itself.</source>
        <translation>Дело нельзя связать с самим собой.</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n задача</numerusform>
            <numerusform>%n задачи</numerusform>
            <numerusform>%n задач</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) to officials</source>
        <translation>
            <numerusform>%n запрос в органы</numerusform>
            <numerusform>%n запроса в органы</numerusform>
            <numerusform>%n запросов в органы</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent record(s)</source>
        <translation>
            <numerusform>%n запись о согласии</numerusform>
            <numerusform>%n записи о согласии</numerusform>
            <numerusform>%n записей о согласии</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the disclosure log</source>
        <translation>
            <numerusform>%n строка журнала передачи данных</numerusform>
            <numerusform>%n строки журнала передачи данных</numerusform>
            <numerusform>%n строк журнала передачи данных</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%n другая запись</numerusform>
            <numerusform>%n другие записи</numerusform>
            <numerusform>%n других записей</numerusform>
        </translation>
    </message>
    <message>
        <source>A record of the case is no longer in the vault.</source>
        <translation>Одной из записей дела больше нет в хранилище.</translation>
    </message>
    <message>
        <source>From the merged case {ref}:</source>
        <translation>Из объединённого дела {ref}:</translation>
    </message>
    <message>
        <source>The merged case is no longer in the vault.</source>
        <translation>Объединённого дела больше нет в хранилище.</translation>
    </message>
    <message>
        <source>The merge cannot be undone: another case now has the reference {ref}.</source>
        <translation>Объединение нельзя отменить: номер {ref} теперь у другого дела.</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>This file is larger than 64 MB and cannot be attached.</source>
        <translation>Этот файл больше 64 МБ, его нельзя вложить.</translation>
    </message>
    <message>
        <source>An attachment belongs to a source or a case.</source>
        <translation>Вложение относится к источнику или к делу.</translation>
    </message>
    <message>
        <source>This attachment is not in the vault.</source>
        <translation>Этого вложения нет в хранилище.</translation>
    </message>
    <message>
        <source>An attachment does not match its size or SHA-256 in cases.json.</source>
        <translation>Вложение не совпадает со своим размером или SHA-256 в cases.json.</translation>
    </message>
    <message>
        <source>There is no case {ref}.</source>
        <translation>Дела {ref} нет.</translation>
    </message>
    <message>
        <source>It was merged into {ref}.</source>
        <translation>Оно объединено с делом {ref}.</translation>
    </message>
    <message>
        <source>A case needs at least a name as it is known.</source>
        <translation>Для дела нужно хотя бы имя — в том виде, в каком оно известно.</translation>
    </message>
    <message>
        <source>The reference {ref} is already used by another case.</source>
        <translation>Номер {ref} уже занят другим делом.</translation>
    </message>
    <message>
        <source>Unknown case field(s): {names}.</source>
        <translation>Неизвестные поля дела: {names}.</translation>
    </message>
    <message>
        <source>A contact needs at least a rough day: a month, a year or a range.</source>
        <translation>Для контакта нужен хотя бы примерный день: месяц, год или промежуток дат.</translation>
    </message>
    <message>
        <source>A contact cannot be logged in the future.</source>
        <translation>Нельзя записать контакт в будущем.</translation>
    </message>
    <message>
        <source>The new place starts before the current one; fix the dates.</source>
        <translation>Новое место начинается раньше нынешнего; исправьте даты.</translation>
    </message>
    <message>
        <source>This custody period is not in the vault.</source>
        <translation>Этого периода содержания нет в хранилище.</translation>
    </message>
    <message>
        <source>A source needs a short title saying what it is.</source>
        <translation>Источнику нужно короткое название — что это.</translation>
    </message>
    <message>
        <source>This place is not in the vault.</source>
        <translation>Этого места нет в хранилище.</translation>
    </message>
    <message>
        <source>This source is not in the vault.</source>
        <translation>Этого источника нет в хранилище.</translation>
    </message>
    <message>
        <source>An allegation concerns at least one case.</source>
        <translation>Нарушение должно относиться хотя бы к одному делу.</translation>
    </message>
    <message>
        <source>Unknown source field(s): {names}.</source>
        <translation>Неизвестные поля источника: {names}.</translation>
    </message>
    <message>
        <source>A place needs a name, even a descriptive one.</source>
        <translation>У места должно быть название, хотя бы описательное.</translation>
    </message>
    <message>
        <source>Unknown place field(s): {names}.</source>
        <translation>Неизвестные поля места: {names}.</translation>
    </message>
    <message>
        <source>The database inside the vault reports damage.</source>
        <translation>База данных внутри хранилища сообщает о повреждении.</translation>
    </message>
    <message>
        <source>Some records point to records that no longer exist.</source>
        <translation>Некоторые записи ссылаются на записи, которых больше нет.</translation>
    </message>
    <message>
        <source>Attachment {id}: {problem}</source>
        <translation>Вложение {id}: {problem}</translation>
    </message>
    <message>
        <source>Attachment {id}: its content does not match its hash.</source>
        <translation>Вложение {id}: содержимое не совпадает с контрольной суммой.</translation>
    </message>
    <message>
        <source>This vault was written by a newer Casetracker (data version {found}). Update the app to open it.</source>
        <translation>Это хранилище записано более новой версией Casetracker (версия данных {found}). Обновите приложение, чтобы открыть его.</translation>
    </message>
    <message>
        <source>A relative needs a name, or mark them as anonymous.</source>
        <translation>Укажите имя родственника или отметьте его как анонимного.</translation>
    </message>
    <message>
        <source>This person is not in the vault.</source>
        <translation>Этого человека нет в хранилище.</translation>
    </message>
    <message>
        <source>Unknown field(s) for a person: {names}.</source>
        <translation>Неизвестные поля человека: {names}.</translation>
    </message>
    <message>
        <source>{key} must be a whole number.</source>
        <translation>{key}: нужно целое число.</translation>
    </message>
    <message>
        <source>{key} must be at least {minimum}.</source>
        <translation>{key}: значение должно быть не меньше {minimum}.</translation>
    </message>
    <message>
        <source>{key} must be at most {maximum}.</source>
        <translation>{key}: значение должно быть не больше {maximum}.</translation>
    </message>
    <message>
        <source>{key} must be yes or no.</source>
        <translation>{key}: нужно «да» (yes) или «нет» (no).</translation>
    </message>
    <message>
        <source>There is no setting called {key}.</source>
        <translation>Настройки {key} нет.</translation>
    </message>
    <message>
        <source>This status change is no longer in the vault.</source>
        <translation>Этой смены статуса больше нет в хранилище.</translation>
    </message>
    <message>
        <source>{ref} ({name}) is already in the vault</source>
        <translation>{ref} ({name}) уже есть в хранилище</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was exported: the man has not consented to this audience in %n case(s) ({refs}). Give a reason to send them without his consent, or record it first.</source>
        <translation>
            <numerusform>Ничего не выгружено: в %n деле ({refs}) нет согласия задержанного на передачу этому получателю. Укажите причину, чтобы передать без его согласия, или сначала запишите согласие.</numerusform>
            <numerusform>Ничего не выгружено: в %n делах ({refs}) нет согласия задержанного на передачу этому получателю. Укажите причину, чтобы передать без его согласия, или сначала запишите согласие.</numerusform>
            <numerusform>Ничего не выгружено: в %n делах ({refs}) нет согласия задержанного на передачу этому получателю. Укажите причину, чтобы передать без его согласия, или сначала запишите согласие.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown profile {name}.</source>
        <translation>Неизвестный профиль {name}.</translation>
    </message>
    <message>
        <source>{what} cannot be in the future.</source>
        <translation>{what} не может быть в будущем.</translation>
    </message>
    <message>
        <source>The day consent was given</source>
        <translation>Дата согласия</translation>
    </message>
    <message>
        <source>This consent is already recorded; withdraw it first to record it anew.</source>
        <translation>Это согласие уже записано; чтобы записать его заново, сначала отзовите прежнее.</translation>
    </message>
    <message>
        <source>The day consent was withdrawn</source>
        <translation>Дата отзыва согласия</translation>
    </message>
    <message>
        <source>There is no consent to withdraw.</source>
        <translation>Отзывать нечего: действующего согласия нет.</translation>
    </message>
    <message>
        <source>Consent cannot be withdrawn before the day it was given.</source>
        <translation>Согласие нельзя отозвать раньше, чем оно было дано.</translation>
    </message>
    <message>
        <source>This person does not speak for this case.</source>
        <translation>Этот человек не связан с этим делом.</translation>
    </message>
    <message>
        <source>A man cannot be his own witness: choose another case.</source>
        <translation>Человек не может быть свидетелем о самом себе: выберите другое дело.</translation>
    </message>
    <message>
        <source>A reply deadline is from {min} to {max} days.</source>
        <translation>Срок ответа — от {min} до {max} дней.</translation>
    </message>
    <message>
        <source>There is no request kind {kind}. The kinds are: {kinds}.</source>
        <translation>Нет вида запроса {kind}. Виды: {kinds}.</translation>
    </message>
    <message>
        <source>A request has no field {field}.</source>
        <translation>У запроса нет поля {field}.</translation>
    </message>
    <message>
        <source>There is no request {id}.</source>
        <translation>Нет запроса {id}.</translation>
    </message>
    <message>
        <source>Several requests begin with {id}; give more of the id.</source>
        <translation>Несколько запросов начинаются с {id}; укажите номер полнее.</translation>
    </message>
    <message>
        <source>This request is not in the vault.</source>
        <translation>Этого запроса нет в хранилище.</translation>
    </message>
    <message>
        <source>That day has not come yet.</source>
        <translation>Этот день ещё не наступил.</translation>
    </message>
    <message>
        <source>A reply cannot come before the request was sent.</source>
        <translation>Ответ не может прийти раньше, чем отправлен запрос.</translation>
    </message>
    <message>
        <source>Say what the reply amounts to.</source>
        <translation>Укажите суть ответа.</translation>
    </message>
    <message>
        <source>Say what is to be done.</source>
        <translation>Напишите, что нужно сделать.</translation>
    </message>
    <message>
        <source>This task is no longer in the vault.</source>
        <translation>Этой задачи в хранилище уже нет.</translation>
    </message>
    <message>
        <source>A task number is the 8 characters `tasks` prints.</source>
        <translation>Номер задачи — это 8 символов, которые выводит команда `tasks`.</translation>
    </message>
    <message>
        <source>There is no task {id}.</source>
        <translation>Задачи {id} нет.</translation>
    </message>
    <message>
        <source>Several tasks begin with {id}: type more.</source>
        <translation>С {id} начинается несколько задач: введите больше символов.</translation>
    </message>
    <message>
        <source>{name} already exists; choose another name.</source>
        <translation>Файл {name} уже есть — выберите другое имя.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Held or missing: days without proof of life to a warning</source>
        <translation>Содержится или пропал: дней без подтверждения жизни до предупреждения</translation>
    </message>
    <message>
        <source>Held or missing: days without proof of life to critical</source>
        <translation>Содержится или пропал: дней без подтверждения жизни до критического</translation>
    </message>
    <message>
        <source>Serving or refused: days without proof of life to a warning</source>
        <translation>Служит или отказался: дней без подтверждения жизни до предупреждения</translation>
    </message>
    <message>
        <source>Serving or refused: days without proof of life to critical</source>
        <translation>Служит или отказался: дней без подтверждения жизни до критического</translation>
    </message>
    <message>
        <source>Days without proof of life after a reported transfer</source>
        <translation>Дней без подтверждения жизни после сообщения о переводе</translation>
    </message>
    <message>
        <source>Days detained until a warning</source>
        <translation>Дней под стражей до предупреждения</translation>
    </message>
    <message>
        <source>Days detained without a lawyer until a warning</source>
        <translation>Дней под стражей без адвоката до предупреждения</translation>
    </message>
    <message>
        <source>Days without contact, status change or move until a reminder</source>
        <translation>Дней без контактов, смены статуса или перевода до напоминания</translation>
    </message>
    <message>
        <source>Cases at one place falling silent together that suggest a mass transfer</source>
        <translation>Сколько дел в одном месте, замолчавших разом, указывают на массовый перевод</translation>
    </message>
    <message>
        <source>Hours within which their last proofs of life count as together</source>
        <translation>За сколько часов последние подтверждения жизни считаются одновременными</translation>
    </message>
    <message>
        <source>Days to reply: military prosecutor&apos;s office</source>
        <translation>Срок ответа в днях: военная прокуратура</translation>
    </message>
    <message>
        <source>Days to reply: military investigators</source>
        <translation>Срок ответа в днях: военный следственный орган</translation>
    </message>
    <message>
        <source>Days to reply: human rights commissioner</source>
        <translation>Срок ответа в днях: уполномоченный по правам человека</translation>
    </message>
    <message>
        <source>Days to reply: unit commander</source>
        <translation>Срок ответа в днях: командир части</translation>
    </message>
    <message>
        <source>Days to reply: court</source>
        <translation>Срок ответа в днях: суд</translation>
    </message>
    <message>
        <source>Days to reply: Red Cross</source>
        <translation>Срок ответа в днях: Красный Крест</translation>
    </message>
    <message>
        <source>Days to reply: hospital</source>
        <translation>Срок ответа в днях: госпиталь или больница</translation>
    </message>
    <message>
        <source>Days to reply: other body</source>
        <translation>Срок ответа в днях: другой орган</translation>
    </message>
    <message>
        <source>Name recorded in History until each person gives their own</source>
        <translation>Имя для истории изменений, пока сотрудник не указал своё</translation>
    </message>
    <message>
        <source>Language of the app (after the next unlock)</source>
        <translation>Язык приложения (после следующей разблокировки)</translation>
    </message>
    <message>
        <source>Show names in window titles (the taskbar shows them)</source>
        <translation>Показывать имена в заголовках окон (их видно на панели задач)</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Блокировать после стольких минут бездействия</translation>
    </message>
    <message>
        <source>Encrypted backups kept beside the vault</source>
        <translation>Сколько зашифрованных резервных копий хранить рядом с хранилищем</translation>
    </message>
    <message>
        <source>Saves added to the vault file before it is rewritten</source>
        <translation>Сохранений, дописанных в файл хранилища, до его полной перезаписи</translation>
    </message>
    <message>
        <source>Size of those saves (MiB) before the file is rewritten</source>
        <translation>Объём этих сохранений (МиБ) до полной перезаписи файла</translation>
    </message>
    <message>
        <source>Anonymised exports: at least this many men share a unit, region and year</source>
        <translation>Обезличенная выгрузка: не меньше стольких человек с одинаковыми частью, регионом и годом</translation>
    </message>
</context>
<context>
    <name>sharing</name>
    <message>
        <source>{count} men held at {place} fell silent together: possible mass transfer.</source>
        <translation>В месте «{place}» разом замолчали задержанные ({count}): возможен массовый перевод.</translation>
    </message>
    <message>
        <source>A recipient needs a name.</source>
        <translation>У получателя должно быть имя.</translation>
    </message>
    <message>
        <source>Give the recipient a name, then the key.</source>
        <translation>Укажите имя получателя, затем ключ.</translation>
    </message>
    <message>
        <source>There is already a recipient called {name}.</source>
        <translation>Получатель с именем {name} уже есть.</translation>
    </message>
    <message>
        <source>The file does not carry the sender&apos;s public key, so they cannot be added to the address book from it; add them by hand.</source>
        <translation>В файле нет открытого ключа отправителя, поэтому добавить его в адресную книгу из файла нельзя; добавьте его вручную.</translation>
    </message>
    <message>
        <source>There is no recipient {name} in the address book.</source>
        <translation>Получателя {name} нет в адресной книге.</translation>
    </message>
    <message>
        <source>Choose the cases: by reference, all, or by status.</source>
        <translation>Выберите дела: по номерам, все или по статусу.</translation>
    </message>
    <message>
        <source>No case matches; nothing to export.</source>
        <translation>Подходящих дел нет; выгружать нечего.</translation>
    </message>
    <message>
        <source>Too many cases for one bundle; export in parts.</source>
        <translation>Слишком много дел для одного пакета; выгружайте частями.</translation>
    </message>
    <message>
        <source>Unknown profile {name}; use lawyer, partner, media or anonymised.</source>
        <translation>Неизвестный профиль {name}; укажите lawyer, partner, media или anonymised.</translation>
    </message>
    <message>
        <source>An anonymised bundle never carries attachments.</source>
        <translation>Обезличенный пакет никогда не содержит вложений.</translation>
    </message>
    <message>
        <source>Give recipients or a bundle passphrase (one of the two).</source>
        <translation>Укажите получателей или парольную фразу пакета (одно из двух).</translation>
    </message>
    <message>
        <source>A bundle passphrase needs at least {n} characters.</source>
        <translation>В парольной фразе пакета должно быть не меньше {n} символов.</translation>
    </message>
    <message>
        <source>A bundle made for media leaves out too much to be merged into a vault; open it with open-bundle instead.</source>
        <translation>Пакет для СМИ содержит слишком мало сведений, чтобы влить его в хранилище; откройте его командой open-bundle.</translation>
    </message>
    <message>
        <source>this organisation</source>
        <translation>наша организация</translation>
    </message>
    <message>
        <source>Nothing was imported: the bundle is signed by fingerprint {fp}, which is not in the address book. Compare it with the sender by phone or in person first.</source>
        <translation>Ничего не импортировано: пакет подписан ключом с отпечатком {fp}, которого нет в адресной книге. Сначала сверьте его с отправителем по телефону или при встрече.</translation>
    </message>
    <message>
        <source>Nothing was imported: the fingerprint given ({given}) does not match the bundle&apos;s signer, {fp}.</source>
        <translation>Ничего не импортировано: указанный отпечаток ({given}) не совпадает с отпечатком подписавшего пакет, {fp}.</translation>
    </message>
    <message>
        <source>An anonymised bundle holds no identities and cannot be merged into a vault; open it with open-bundle instead.</source>
        <translation>Обезличенный пакет не содержит личностей, и его нельзя объединить с хранилищем; откройте его командой open-bundle.</translation>
    </message>
    <message>
        <source>The bundle holds an unsafe file name ({name}); nothing was opened.</source>
        <translation>В пакете небезопасное имя файла ({name}); ничего не открыто.</translation>
    </message>
    <message>
        <source>The bundle holds an unexpected file ({name}); nothing was opened.</source>
        <translation>В пакете неожиданный файл ({name}); ничего не открыто.</translation>
    </message>
    <message>
        <source>The decrypted content is not a bundle (no valid ZIP archive inside).</source>
        <translation>Расшифрованное содержимое — не пакет (внутри нет правильного ZIP-архива).</translation>
    </message>
    <message>
        <source>The bundle holds too many files.</source>
        <translation>В пакете слишком много файлов.</translation>
    </message>
    <message>
        <source>The bundle holds the file {name} twice; nothing was opened.</source>
        <translation>В пакете файл {name} встречается дважды; ничего не открыто.</translation>
    </message>
    <message>
        <source>The bundle&apos;s content</source>
        <translation>Содержимое пакета</translation>
    </message>
    <message>
        <source>The bundle holds a link or special file ({name}); nothing was opened.</source>
        <translation>В пакете ссылка или особый файл ({name}); ничего не открыто.</translation>
    </message>
    <message>
        <source>The bundle holds an encrypted ZIP entry.</source>
        <translation>В пакете зашифрованный элемент ZIP.</translation>
    </message>
    <message>
        <source>The bundle uses an unsupported compression.</source>
        <translation>В пакете неподдерживаемое сжатие.</translation>
    </message>
    <message>
        <source>{name} expands far more than real data does (a zip bomb?).</source>
        <translation>{name} распаковывается в гораздо больший объём, чем настоящие данные (zip-бомба?).</translation>
    </message>
    <message>
        <source>{name} is larger than its header says.</source>
        <translation>{name} больше, чем указано в его заголовке.</translation>
    </message>
    <message>
        <source>The file {name} inside the bundle is damaged ({reason}).</source>
        <translation>Файл {name} внутри пакета повреждён ({reason}).</translation>
    </message>
    <message>
        <source>The output folder must be new or empty, so nothing is overwritten.</source>
        <translation>Папка для распаковки должна быть новой или пустой, чтобы ничего не перезаписать.</translation>
    </message>
    <message>
        <source>A file would land outside the output folder.</source>
        <translation>Файл оказался бы за пределами папки для распаковки.</translation>
    </message>
    <message>
        <source>Give recipients or a passphrase (one of the two).</source>
        <translation>Укажите получателей или парольную фразу (одно из двух).</translation>
    </message>
    <message>
        <source>The bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>The bundle could not be encrypted ({reason}).</source>
        <translation>Не удалось зашифровать пакет ({reason}).</translation>
    </message>
    <message>
        <source>The bundle could not be encrypted: the computer has not enough free memory for the passphrase protection. Close other programs and try again.</source>
        <translation>Не удалось зашифровать пакет: компьютеру не хватает свободной памяти для защиты парольной фразой. Закройте другие программы и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>This file is not an age-encrypted bundle.</source>
        <translation>Этот файл — не пакет, зашифрованный age.</translation>
    </message>
    <message>
        <source>This bundle is encrypted to keys, not with a passphrase: open it with a key.</source>
        <translation>Этот пакет зашифрован для ключей, а не парольной фразой: откройте его ключом.</translation>
    </message>
    <message>
        <source>This bundle is protected by a passphrase, not addressed to a key: open it with its passphrase.</source>
        <translation>Этот пакет защищён парольной фразой, а не адресован ключу: откройте его парольной фразой.</translation>
    </message>
    <message>
        <source>No key was given to open the bundle.</source>
        <translation>Не указан ключ, чтобы открыть пакет.</translation>
    </message>
    <message>
        <source>Decryption failed: the bundle is not addressed to this key (or it was made with a passphrase).</source>
        <translation>Расшифровать не удалось: пакет предназначен не для этого ключа (или закрыт парольной фразой).</translation>
    </message>
    <message>
        <source>Decryption failed: the passphrase is wrong, or the file was damaged or altered.</source>
        <translation>Расшифровать не удалось: парольная фраза неверна либо файл повреждён или изменён.</translation>
    </message>
    <message>
        <source>Decryption failed: the file was damaged or altered (age integrity check: {reason}).</source>
        <translation>Расшифровать не удалось: файл повреждён или изменён (проверка целостности age: {reason}).</translation>
    </message>
    <message>
        <source>The bundle has no manifest.json; it cannot be checked.</source>
        <translation>В пакете нет manifest.json; проверить его нельзя.</translation>
    </message>
    <message>
        <source>Tampering detected: {name} is listed in the signed manifest but missing.</source>
        <translation>Обнаружено вмешательство: {name} указан в подписанном манифесте, но отсутствует.</translation>
    </message>
    <message>
        <source>Tampering detected: {name} is in the bundle but not in the signed manifest.</source>
        <translation>Обнаружено вмешательство: {name} есть в пакете, но не в подписанном манифесте.</translation>
    </message>
    <message>
        <source>Tampering detected: {name} was changed after signing (SHA-256 mismatch).</source>
        <translation>Обнаружено вмешательство: {name} изменён после подписания (SHA-256 не совпадает).</translation>
    </message>
    <message>
        <source>The bundle holds no cases.json.</source>
        <translation>В пакете нет cases.json.</translation>
    </message>
    <message>
        <source>The manifest and cases.json disagree on the profile.</source>
        <translation>Манифест и cases.json расходятся в профиле.</translation>
    </message>
    <message>
        <source>cases.json names an attachment that is not in the bundle.</source>
        <translation>cases.json ссылается на вложение, которого нет в пакете.</translation>
    </message>
    <message>
        <source>manifest.json is not valid ({reason}).</source>
        <translation>manifest.json недействителен ({reason}).</translation>
    </message>
    <message>
        <source>it lists more entries than a bundle can hold</source>
        <translation>в нём перечислено больше записей, чем может вместить пакет</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>ожидается объект</translation>
    </message>
    <message>
        <source>this is not a Casetracker bundle</source>
        <translation>это не пакет Casetracker</translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation>неизвестная версия</translation>
    </message>
    <message>
        <source>This bundle was made by a newer Casetracker (bundle version {v}). Update the app to open it.</source>
        <translation>Этот пакет создан более новой версией Casetracker (версия пакета {v}). Обновите приложение, чтобы открыть его.</translation>
    </message>
    <message>
        <source>unexpected or missing keys</source>
        <translation>лишние или недостающие ключи</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>подпись</translation>
    </message>
    <message>
        <source>signature algorithm</source>
        <translation>алгоритм подписи</translation>
    </message>
    <message>
        <source>creator</source>
        <translation>создатель</translation>
    </message>
    <message>
        <source>signature encoding</source>
        <translation>кодировка подписи</translation>
    </message>
    <message>
        <source>Tampering detected: the manifest&apos;s signature does not match its content.</source>
        <translation>Обнаружено вмешательство: подпись манифеста не соответствует его содержимому.</translation>
    </message>
    <message>
        <source>Tampering detected: the creator fingerprint does not belong to the signing key.</source>
        <translation>Обнаружено вмешательство: отпечаток создателя не соответствует ключу подписи.</translation>
    </message>
    <message>
        <source>unknown profile</source>
        <translation>неизвестный профиль</translation>
    </message>
    <message>
        <source>created_at</source>
        <translation>created_at</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>counts</translation>
    </message>
    <message>
        <source>members</source>
        <translation>members</translation>
    </message>
    <message>
        <source>cases.json is not valid ({where}: {reason}).</source>
        <translation>cases.json недействителен ({where}: {reason}).</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>ожидается список</translation>
    </message>
    <message>
        <source>more than {n} entries</source>
        <translation>больше {n} записей</translation>
    </message>
    <message>
        <source>The bundle declares {counted}; a bundle may hold at most {ceiling}.</source>
        <translation>В пакете заявлено: {counted}; пакет может содержать не больше {ceiling}.</translation>
    </message>
    <message>
        <source>cases.json holds more than {counted}.</source>
        <translation>В cases.json больше, чем {counted}.</translation>
    </message>
    <message>
        <source>cases.json holds {found} where its manifest declares {n}.</source>
        <translation>В cases.json — {found}, а в его манифесте заявлено {n}.</translation>
    </message>
    <message>
        <source>not an id</source>
        <translation>не идентификатор</translation>
    </message>
    <message>
        <source>not an id in canonical form</source>
        <translation>идентификатор не в каноническом виде</translation>
    </message>
    <message>
        <source>not a date (YYYY-MM-DD)</source>
        <translation>не дата (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>not a date and time</source>
        <translation>не дата и время</translation>
    </message>
    <message>
        <source>a time zone is not expected (times are UTC)</source>
        <translation>часовой пояс не ожидается (время в UTC)</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>не может быть пустым</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>ожидается текст</translation>
    </message>
    <message>
        <source>text too long or binary</source>
        <translation>текст слишком длинный или двоичный</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>ожидается true или false</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>ожидается целое число</translation>
    </message>
    <message>
        <source>number out of range</source>
        <translation>число вне допустимого диапазона</translation>
    </message>
    <message>
        <source>expected one of the documented values</source>
        <translation>ожидается одно из описанных значений</translation>
    </message>
    <message>
        <source>“{value}” is not a known value</source>
        <translation>«{value}» — неизвестное значение</translation>
    </message>
    <message>
        <source>expected a date code</source>
        <translation>ожидался код даты</translation>
    </message>
    <message>
        <source>not a date code this version can read</source>
        <translation>код даты, который эта версия не умеет читать</translation>
    </message>
    <message>
        <source>unknown key {key}</source>
        <translation>неизвестный ключ {key}</translation>
    </message>
    <message>
        <source>this is not Casetracker case data</source>
        <translation>это не данные дел Casetracker</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>отсутствует</translation>
    </message>
    <message>
        <source>This bundle was made by a newer Casetracker (data version {v}). Update the app to open it.</source>
        <translation>Этот пакет создан более новой версией Casetracker (версия данных {v}). Обновите приложение, чтобы открыть его.</translation>
    </message>
    <message>
        <source>unknown kind {key}</source>
        <translation>неизвестный вид {key}</translation>
    </message>
    <message>
        <source>points to a record that is not in the bundle</source>
        <translation>ссылается на запись, которой нет в пакете</translation>
    </message>
    <message>
        <source>the same id appears twice</source>
        <translation>один и тот же идентификатор встречается дважды</translation>
    </message>
    <message>
        <source>names a file another attachment names</source>
        <translation>указывает на файл, на который указывает другое вложение</translation>
    </message>
    <message>
        <source>unknown field {name}</source>
        <translation>неизвестное поле {name}</translation>
    </message>
    <message>
        <source>names an unknown field</source>
        <translation>называет неизвестное поле</translation>
    </message>
    <message>
        <source>a field is both given and withheld</source>
        <translation>поле одновременно передано и скрыто</translation>
    </message>
    <message>
        <source>names a field the record does not give</source>
        <translation>называет поле, которого в записи нет</translation>
    </message>
    <message>
        <source>missing {name}</source>
        <translation>отсутствует {name}</translation>
    </message>
    <message>
        <source>missing created_at or updated_at</source>
        <translation>отсутствует created_at или updated_at</translation>
    </message>
    <message>
        <source>does not match its date code</source>
        <translation>не совпадает со своим кодом даты</translation>
    </message>
    <message>
        <source>a stay with an end day that has not ended</source>
        <translation>пребывание с датой окончания не отмечено как законченное</translation>
    </message>
    <message>
        <source>not an attachment member name</source>
        <translation>не имя вложения в пакете</translation>
    </message>
    <message>
        <source>not a SHA-256</source>
        <translation>не SHA-256</translation>
    </message>
    <message>
        <source>an attachment belongs to a source or a case</source>
        <translation>вложение должно относиться к источнику или к делу</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>неизвестное поле</translation>
    </message>
    <message>
        <source>expected a rule id</source>
        <translation>ожидается id правила</translation>
    </message>
    <message>
        <source>unknown severity</source>
        <translation>неизвестный уровень</translation>
    </message>
    <message>
        <source>“{text}” is not a date (use YYYY-MM-DD or DD.MM.YYYY)</source>
        <translation>«{text}» — не дата (пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)</translation>
    </message>
    <message>
        <source>“{text}” is not a date (use YYYY-MM-DD, DD.MM.YYYY, or a code such as 2024-07 or 2024-07-01/2024-07-08)</source>
        <translation>«{text}» — не дата (пишите ГГГГ-ММ-ДД, ДД.ММ.ГГГГ или код вида 2024-07 или 2024-07-01/2024-07-08)</translation>
    </message>
    <message>
        <source>“{text}” is not yes or no</source>
        <translation>«{text}» — не «да» и не «нет»</translation>
    </message>
    <message>
        <source>“{text}” is not one of: {allowed}</source>
        <translation>«{text}» — не из списка: {allowed}</translation>
    </message>
    <message>
        <source>The file is larger than 50 MB; split it and import the parts.</source>
        <translation>Файл больше 50 МБ; разделите его и импортируйте по частям.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (byte {byte}). Save it as CSV UTF-8 and try again.</source>
        <translation>Файл не в кодировке UTF-8 (байт {byte}). Сохраните его как CSV UTF-8 и попробуйте снова.</translation>
    </message>
    <message>
        <source>The file contains binary data; it is not a CSV file.</source>
        <translation>В файле двоичные данные; это не CSV.</translation>
    </message>
    <message>
        <source>The header line cannot be read: {reason}.</source>
        <translation>Строка заголовка не читается: {reason}.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Файл пуст.</translation>
    </message>
    <message>
        <source>The file has no full_name column; it is not a Casetracker CSV.</source>
        <translation>В файле нет столбца full_name; это не CSV Casetracker.</translation>
    </message>
    <message>
        <source>Unknown column(s): {names}.</source>
        <translation>Неизвестные столбцы: {names}.</translation>
    </message>
    <message>
        <source>A column name appears twice in the header.</source>
        <translation>Название столбца встречается в заголовке дважды.</translation>
    </message>
    <message>
        <source>cannot be read as CSV ({reason})</source>
        <translation>не читается как CSV ({reason})</translation>
    </message>
    <message>
        <source>The file has more than {n} rows; split it.</source>
        <translation>В файле больше {n} строк; разделите его.</translation>
    </message>
    <message>
        <source>has {fields} fields where the header has {columns}</source>
        <translation>полей — {fields}, а в заголовке — {columns}</translation>
    </message>
    <message>
        <source>full_name is empty</source>
        <translation>full_name пусто</translation>
    </message>
    <message>
        <source>status or facility_kind: {reason}</source>
        <translation>status или facility_kind: {reason}</translation>
    </message>
    <message>
        <source>last_contact_note is given but last_contact_date is empty</source>
        <translation>last_contact_note указано, а last_contact_date пусто</translation>
    </message>
    <message>
        <source>{what} is larger than the limit of {mb} MB.</source>
        <translation>{what}: размер больше предела в {mb} МБ.</translation>
    </message>
    <message>
        <source>This is not an age public key (they start with age1 and have 62 characters).</source>
        <translation>Это не открытый ключ age (он начинается с age1 и состоит из 62 символов).</translation>
    </message>
    <message>
        <source>This age public key is damaged (a character was mistyped?).</source>
        <translation>Этот открытый ключ age повреждён (опечатка в символе?).</translation>
    </message>
    <message>
        <source>This is not an age secret key (AGE-SECRET-KEY-1…).</source>
        <translation>Это не секретный ключ age (AGE-SECRET-KEY-1…).</translation>
    </message>
    <message>
        <source>This age secret key is damaged.</source>
        <translation>Этот секретный ключ age повреждён.</translation>
    </message>
    <message>
        <source>This file is too large to be an age identity file.</source>
        <translation>Этот файл слишком велик для файла ключа age.</translation>
    </message>
    <message>
        <source>The identity file is not text.</source>
        <translation>Файл ключа — не текст.</translation>
    </message>
    <message>
        <source>The identity file holds no age secret key.</source>
        <translation>В файле ключа нет секретного ключа age.</translation>
    </message>
    <message>
        <source>This is not a Casetracker signing key (ed25519:…).</source>
        <translation>Это не ключ подписи Casetracker (ed25519:…).</translation>
    </message>
    <message>
        <source>This signing key is damaged.</source>
        <translation>Этот ключ подписи повреждён.</translation>
    </message>
    <message>
        <source>This signing key has the wrong length.</source>
        <translation>У этого ключа подписи неверная длина.</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Номер дела</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Other spellings</source>
        <translation>Другие написания</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Родной регион</translation>
    </message>
    <message>
        <source>Military unit</source>
        <translation>Воинская часть</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Контракт</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Refusal date</source>
        <translation>Дата отказа</translation>
    </message>
    <message>
        <source>Detention date</source>
        <translation>Дата задержания</translation>
    </message>
    <message>
        <source>Where held</source>
        <translation>Где содержится</translation>
    </message>
    <message>
        <source>Kind of place</source>
        <translation>Вид места</translation>
    </message>
    <message>
        <source>Settlement of the place</source>
        <translation>Населённый пункт места</translation>
    </message>
    <message>
        <source>Region of the place</source>
        <translation>Регион места</translation>
    </message>
    <message>
        <source>Held there since</source>
        <translation>Содержится там с</translation>
    </message>
    <message>
        <source>Relative (name, or &apos;anonymous&apos;)</source>
        <translation>Родственник (имя или «аноним»)</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Кем приходится</translation>
    </message>
    <message>
        <source>Relative&apos;s phone</source>
        <translation>Телефон родственника</translation>
    </message>
    <message>
        <source>Relative stays anonymous</source>
        <translation>Родственник остаётся анонимным</translation>
    </message>
    <message>
        <source>May share with a lawyer</source>
        <translation>Можно передать адвокату</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Последний контакт</translation>
    </message>
    <message>
        <source>Heard him directly?</source>
        <translation>Слышали его самого?</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Что сказано</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>column {n}</source>
        <translation>столбец {n}</translation>
    </message>
    <message>
        <source>The spreadsheet is empty.</source>
        <translation>Таблица пуста.</translation>
    </message>
    <message>
        <source>The spreadsheet has more than {n} columns.</source>
        <translation>В таблице больше {n} столбцов.</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor Windows-1251 text.</source>
        <translation>Файл не в кодировке UTF-8 и не в Windows-1251.</translation>
    </message>
    <message>
        <source>The spreadsheet</source>
        <translation>Таблица</translation>
    </message>
    <message>
        <source>The file contains binary data; it is not a spreadsheet.</source>
        <translation>В файле двоичные данные; это не таблица.</translation>
    </message>
    <message>
        <source>The header line cannot be read ({reason}).</source>
        <translation>Строка заголовка не читается ({reason}).</translation>
    </message>
    <message>
        <source>Too many lines cannot be read; is this a CSV file?</source>
        <translation>Слишком много строк не читается; это точно CSV?</translation>
    </message>
    <message>
        <source>The spreadsheet has more than {n} rows.</source>
        <translation>В таблице больше {n} строк.</translation>
    </message>
    <message>
        <source>The XLSX file has too many parts.</source>
        <translation>В файле XLSX слишком много частей.</translation>
    </message>
    <message>
        <source>The XLSX file is password-protected.</source>
        <translation>Файл XLSX защищён паролем.</translation>
    </message>
    <message>
        <source>The XLSX file expands far more than real data does.</source>
        <translation>Файл XLSX распаковывается в гораздо больший объём, чем настоящие данные.</translation>
    </message>
    <message>
        <source>The unpacked XLSX file</source>
        <translation>Распакованный файл XLSX</translation>
    </message>
    <message>
        <source>This is not an Excel workbook (.xlsx).</source>
        <translation>Это не книга Excel (.xlsx).</translation>
    </message>
    <message>
        <source>The XLSX file is damaged or not an Excel workbook.</source>
        <translation>Файл XLSX повреждён или это не книга Excel.</translation>
    </message>
    <message>
        <source>The XLSX file cannot be read; save it again from Excel.</source>
        <translation>Файл XLSX не читается; сохраните его заново из Excel.</translation>
    </message>
    <message>
        <source>The workbook has no sheet.</source>
        <translation>В книге нет листов.</translation>
    </message>
    <message>
        <source>The XLSX file is damaged; save it again from Excel.</source>
        <translation>Файл XLSX повреждён; сохраните его заново из Excel.</translation>
    </message>
    <message>
        <source>The mapping file</source>
        <translation>Файл сопоставления</translation>
    </message>
    <message>
        <source>The mapping file is not valid: {reason}.</source>
        <translation>Файл сопоставления недействителен: {reason}.</translation>
    </message>
    <message>
        <source>it is not a Casetracker column mapping</source>
        <translation>это не сопоставление столбцов Casetracker</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>неизвестный ключ</translation>
    </message>
    <message>
        <source>columns and statuses must be objects</source>
        <translation>columns и statuses должны быть объектами</translation>
    </message>
    <message>
        <source>too many entries</source>
        <translation>слишком много записей</translation>
    </message>
    <message>
        <source>a column name is too long</source>
        <translation>слишком длинное название столбца</translation>
    </message>
    <message>
        <source>“{name}” is not a field</source>
        <translation>«{name}» — не поле</translation>
    </message>
    <message>
        <source>two columns feed {name}</source>
        <translation>два столбца заполняют {name}</translation>
    </message>
    <message>
        <source>a status must be text</source>
        <translation>статус должен быть текстом</translation>
    </message>
    <message>
        <source>“{name}” is not a status</source>
        <translation>«{name}» — не статус</translation>
    </message>
    <message>
        <source>“{text}” could be day/month or month/day; write it as DD.MM.YYYY</source>
        <translation>«{text}» можно прочитать и как день/месяц, и как месяц/день; напишите ДД.ММ.ГГГГ</translation>
    </message>
    <message>
        <source>“{text}” is not a date (use DD.MM.YYYY or YYYY-MM-DD)</source>
        <translation>«{text}» — не дата (пишите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>“{text}” is not a date (write 20.07.2024, 2024-07-20, a month such as «июль 2024», a year, «около 2023» or «между 1 и 8 июля 2024»)</source>
        <translation>«{text}» — не дата (пишите 20.07.2024, 2024-07-20, месяц, например «июль 2024», год, «около 2023» или «между 1 и 8 июля 2024»)</translation>
    </message>
    <message>
        <source>Import: {column} «{text}» was read as unknown</source>
        <translation>Импорт: {column} «{text}» — дата неизвестна</translation>
    </message>
    <message>
        <source>Import: {column} «{text}» was read as unknown, before {day}</source>
        <translation>Импорт: {column} «{text}» — дата неизвестна, раньше {day}</translation>
    </message>
    <message>
        <source>“{text}” is not a status the app knows; say which status it means</source>
        <translation>«{text}» — незнакомый приложению статус; укажите, какой статус это значит</translation>
    </message>
    <message>
        <source>No column holds the full name; choose the one that does.</source>
        <translation>Ни один столбец не читается как ФИО; выберите столбец с ФИО.</translation>
    </message>
    <message>
        <source>“{text}” is not a phone number</source>
        <translation>«{text}» — не номер телефона</translation>
    </message>
    <message>
        <source>{column} is empty</source>
        <translation>{column}: пусто</translation>
    </message>
    <message>
        <source>a last-contact note is given without its date</source>
        <translation>заметка о последнем контакте есть, а даты нет</translation>
    </message>
    <message>
        <source>Import: could not read {column} «{text}»</source>
        <translation>Импорт: не удалось прочитать «{column}»: «{text}»</translation>
    </message>
    <message>
        <source>“{text}” is not a kind of place</source>
        <translation>«{text}» — не вид места</translation>
    </message>
    <message>
        <source>{what} holds more entries than its declared counts allow (more than {n} values and keys).</source>
        <translation>{what} содержит больше записей, чем допускают заявленные в нём количества (больше {n} значений и ключей).</translation>
    </message>
    <message>
        <source>{what} is not UTF-8 text.</source>
        <translation>{what}: не текст в UTF-8.</translation>
    </message>
    <message>
        <source>{what} cannot be read: {reason}.</source>
        <translation>{what}: не читается: {reason}.</translation>
    </message>
    <message>
        <source>a key appears twice</source>
        <translation>ключ встречается дважды</translation>
    </message>
    <message>
        <source>it holds NaN or Infinity</source>
        <translation>в нём NaN или Infinity</translation>
    </message>
    <message>
        <source>it holds a fractional number</source>
        <translation>в нём дробное число</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>слишком глубокая вложенность</translation>
    </message>
    <message>
        <source>invalid JSON ({detail})</source>
        <translation>неправильный JSON ({detail})</translation>
    </message>
    <message>
        <source>it holds an escaped character that is not valid Unicode</source>
        <translation>в нём экранированный символ, недопустимый в Unicode</translation>
    </message>
    <message>
        <source>The bundle&apos;s age header is damaged or not standard; the file was altered, or it was not made by age.</source>
        <translation>Заголовок age в пакете повреждён или нестандартен: файл изменён или создан не программой age.</translation>
    </message>
    <message>
        <source>The bundle&apos;s text armour (-----BEGIN AGE ENCRYPTED FILE-----) is damaged: the file was altered or cut.</source>
        <translation>Текстовая оболочка пакета (-----BEGIN AGE ENCRYPTED FILE-----) повреждена: файл изменён или обрезан.</translation>
    </message>
    <message>
        <source>The bundle was made by a newer version of age ({version}) that this app cannot open.</source>
        <translation>Пакет создан более новой версией age ({version}), которую это приложение открыть не может.</translation>
    </message>
    <message>
        <source>This bundle&apos;s passphrase protection is set to need far more work to open than age and this app use (2^{n} instead of 2^{limit}): opening it could take minutes and gigabytes of memory, so it was refused. Ask the sender to export it again.</source>
        <translation>Защита этого пакета парольной фразой настроена так, что для открытия нужно гораздо больше работы, чем используют age и это приложение (2^{n} вместо 2^{limit}): открытие могло бы занять минуты и гигабайты памяти, поэтому пакет не принят. Попросите отправителя выгрузить его ещё раз.</translation>
    </message>
    <message>
        <source>Row {row} of the spreadsheet holds more than {n} cells, so the file was refused before it was read. Delete the stray cells to the right of the table and save it again.</source>
        <translation>Строка {row} таблицы содержит больше {n} ячеек, поэтому файл не принят и не прочитан. Удалите лишние ячейки справа от таблицы и сохраните её снова.</translation>
    </message>
    <message>
        <source>The spreadsheet holds more than {n} cells, so it was refused before it was read. Import it in parts.</source>
        <translation>Таблица содержит больше {n} ячеек, поэтому она не принята и не прочитана. Импортируйте её по частям.</translation>
    </message>
    <message>
        <source>The XLSX file contains XML declarations (a DTD or entities) that spreadsheets never use and attacks do, so it was refused.</source>
        <translation>Файл XLSX содержит объявления XML (DTD или сущности): в таблицах они не нужны, зато используются при атаках, поэтому файл не принят.</translation>
    </message>
    <message>
        <source>The XLSX file holds far more XML than its cells need, so it was refused before it was read.</source>
        <translation>Файл XLSX содержит гораздо больше XML, чем нужно для его ячеек, поэтому он не принят и не прочитан.</translation>
    </message>
    <message>
        <source>The XLSX file is damaged: it has a row past Excel&apos;s last row.</source>
        <translation>Файл XLSX повреждён: в нём есть строка ниже последней строки Excel.</translation>
    </message>
</context>
<context>
    <name>sharing_parts</name>
    <message>
        <source>Working</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>Копировать: %1</translation>
    </message>
    <message>
        <source>Copy to the clipboard; it is cleared from there after 30 seconds</source>
        <translation>Скопировать в буфер обмена; через 30 секунд он будет очищен</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>An attachment file is missing from the vault folder.</source>
        <translation>В папке хранилища нет файла вложения.</translation>
    </message>
    <message>
        <source>An attachment file is damaged.</source>
        <translation>Файл вложения повреждён.</translation>
    </message>
    <message>
        <source>An attachment file is damaged or was altered.</source>
        <translation>Файл вложения повреждён или изменён.</translation>
    </message>
    <message>
        <source>An attachment reference in the vault is not valid.</source>
        <translation>Ссылка на вложение в хранилище недействительна.</translation>
    </message>
    <message>
        <source>This file is not a Casetracker vault, or it is incomplete (it may have been cut off while copying). A backup copy may still open.</source>
        <translation>Этот файл не хранилище Casetracker или он неполный (возможно, обрезался при копировании). Резервная копия, возможно, откроется.</translation>
    </message>
    <message>
        <source>The vault file is damaged: its header, the part that describes how the file is locked, cannot be read. A backup copy may still open.</source>
        <translation>Файл хранилища повреждён: не читается его заголовок — часть, описывающая, как файл заперт. Резервная копия, возможно, откроется.</translation>
    </message>
    <message>
        <source>The vault file is damaged: the part that unlocks the data cannot be read. A backup copy may still open.</source>
        <translation>Файл хранилища повреждён: не читается часть, открывающая данные. Резервная копия, возможно, откроется.</translation>
    </message>
    <message>
        <source>The vault file is damaged: the case data inside it failed its integrity check, so it cannot be trusted. A backup copy may still open.</source>
        <translation>Файл хранилища повреждён: данные дел внутри не прошли проверку целостности, доверять им нельзя. Резервная копия, возможно, откроется.</translation>
    </message>
    <message>
        <source>This backup does not belong to this vault or is damaged.</source>
        <translation>Эта резервная копия не от этого хранилища или повреждена.</translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>Парольная фраза неверна.</translation>
    </message>
    <message>
        <source>The recovery key is not correct. Check it against the printed copy: it has 32 letters and digits in groups of four.</source>
        <translation>Ключ восстановления неверен. Сверьте его с записанной копией: в нём 32 буквы и цифры, по четыре в группе.</translation>
    </message>
    <message>
        <source>The vault file could not be found. It may have been moved, renamed or deleted, or the drive holding it is not connected.</source>
        <translation>Файл хранилища не найден. Возможно, его переместили, переименовали или удалили, либо не подключён диск, на котором он лежит.</translation>
    </message>
    <message>
        <source>A file with this name already exists there. Choose another name.</source>
        <translation>Файл с таким именем там уже есть. Выберите другое имя.</translation>
    </message>
    <message>
        <source>This vault is locked. Unlock it again to continue.</source>
        <translation>Хранилище заблокировано. Разблокируйте его снова, чтобы продолжить.</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>неизвестного времени</translation>
    </message>
    <message>
        <source>This vault is open on {host} by {user} since {when}. Close it there first.</source>
        <translation>Это хранилище уже открыто ({host}, {user}) с {when}. Сначала закройте его там.</translation>
    </message>
    <message>
        <source>The vault file asks for far more work to unlock than Casetracker allows, so it was not tried. The file is damaged or was altered. A backup copy may still open.</source>
        <translation>Файл хранилища требует для открытия гораздо больше вычислений, чем допускает Casetracker, поэтому открыть его не пытались. Файл повреждён или изменён. Резервная копия, возможно, ещё откроется.</translation>
    </message>
    <message>
        <source>This vault is marked as open on {host} by {user} since {when}. If Casetracker is really closed there, you can take the vault over.</source>
        <translation>Хранилище отмечено как открытое на {host} пользователем {user} с {when}. Если Casetracker там действительно закрыт, хранилище можно забрать себе.</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>на другом компьютере</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>другой пользователь</translation>
    </message>
    <message>
        <source>This vault is read-only, so this change was not made. Copy the vault to a folder you can write to to make changes.</source>
        <translation>Хранилище только для чтения, поэтому изменение не внесено. Чтобы вносить изменения, скопируйте хранилище в папку, куда можно записывать.</translation>
    </message>
    <message>
        <source>the disk could not be read</source>
        <translation>диск не читается</translation>
    </message>
    <message>
        <source>Casetracker could not read the vault file because {reason}.</source>
        <translation>Casetracker не смог прочитать файл хранилища: {reason}.</translation>
    </message>
    <message>
        <source>the disk could not be written</source>
        <translation>на диск не удаётся записать</translation>
    </message>
    <message>
        <source>Casetracker could not mark the vault as open because {reason}. Nothing was changed. Check that the disk is not full and the folder can be written to.</source>
        <translation>Casetracker не смог отметить хранилище как открытое: {reason}. Ничего не изменено. Проверьте, что диск не заполнен и в папку можно записывать.</translation>
    </message>
    <message>
        <source>This vault was saved by a newer version of Casetracker. Install the newer version to open it.</source>
        <translation>Это хранилище сохранено более новой версией Casetracker. Установите новую версию, чтобы открыть его.</translation>
    </message>
    <message>
        <source>This vault was saved by an old version of Casetracker that this version can no longer read.</source>
        <translation>Это хранилище сохранено старой версией Casetracker, которую эта версия уже не читает.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заполнен</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>исчерпана квота на диске</translation>
    </message>
    <message>
        <source>the disk reported an error</source>
        <translation>диск сообщил об ошибке</translation>
    </message>
    <message>
        <source>the file or folder does not exist</source>
        <translation>файла или папки не существует</translation>
    </message>
    <message>
        <source>the drive is read-only</source>
        <translation>диск доступен только для чтения</translation>
    </message>
    <message>
        <source>permission was refused</source>
        <translation>нет доступа</translation>
    </message>
    <message>
        <source>Casetracker could not create the vault because {reason}.</source>
        <translation>Casetracker не смог создать хранилище: {reason}.</translation>
    </message>
    <message>
        <source>Casetracker could not save your changes because {reason}. The previously saved version is intact, and your changes are still here, not yet saved. Fix the problem and save again.</source>
        <translation>Casetracker не смог сохранить изменения: {reason}. Прежняя сохранённая версия цела, а ваши изменения всё ещё здесь, но пока не сохранены. Устраните проблему и сохраните снова.</translation>
    </message>
    <message>
        <source>No backup copies of this vault were found.</source>
        <translation>Резервных копий этого хранилища не найдено.</translation>
    </message>
    <message>
        <source>There is no backup number {number}.</source>
        <translation>Резервной копии с номером {number} нет.</translation>
    </message>
    <message>
        <source>the file is incomplete or is not a Casetracker vault</source>
        <translation>файл неполный или это не хранилище Casetracker</translation>
    </message>
    <message>
        <source>the header (which describes how the file is locked) is damaged</source>
        <translation>повреждён заголовок (часть, которая описывает, как файл заперт)</translation>
    </message>
    <message>
        <source>a key slot is damaged</source>
        <translation>повреждён слот ключа</translation>
    </message>
    <message>
        <source>the case data failed its integrity check</source>
        <translation>данные дел не прошли проверку целостности</translation>
    </message>
    <message>
        <source>it does not belong to this vault</source>
        <translation>он не относится к этому хранилищу</translation>
    </message>
    <message>
        <source>a change saved after the last full save failed its integrity check; it and the changes after it are left out when the vault is opened</source>
        <translation>изменение, сохранённое после последней полной записи, не прошло проверку целостности; при открытии хранилища оно и все изменения после него не учитываются</translation>
    </message>
    <message>
        <source>its last change was cut off while it was being saved; it is left out when the vault is opened</source>
        <translation>последнее изменение было прервано во время сохранения; при открытии хранилища оно не учитывается</translation>
    </message>
    <message>
        <source>it was saved by a version of Casetracker this one cannot read</source>
        <translation>он сохранён версией Casetracker, которую эта версия не может прочитать</translation>
    </message>
    <message>
        <source>{file}: {problem}.</source>
        <translation>{file}: {problem}.</translation>
    </message>
    <message>
        <source>None of the backup copies of this vault could be opened.</source>
        <translation>Ни одну резервную копию этого хранилища не удалось открыть.</translation>
    </message>
    <message>
        <source>Vault file</source>
        <translation>Файл хранилища</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>его нет</translation>
    </message>
    <message>
        <source>a folder stands where the file should be</source>
        <translation>на месте файла находится папка</translation>
    </message>
    <message>
        <source>Backup {name}</source>
        <translation>Резервная копия {name}</translation>
    </message>
    <message>
        <source>No key slot of the vault or its backups opened with this passphrase: either it is wrong or the key slots are damaged, so the data was not checked.</source>
        <translation>Ни один слот ключа хранилища и его резервных копий не открылся этой парольной фразой: либо она неверна, либо слоты повреждены, поэтому данные не проверены.</translation>
    </message>
    <message>
        <source>its key slot does not open with this passphrase (it is damaged, or older than the last change of passphrase)</source>
        <translation>его слот ключа не открывается этой парольной фразой (он повреждён или старше последней смены парольной фразы)</translation>
    </message>
    <message>
        <source>No key slot of the vault or its backups opened with this recovery key: either it is wrong or the key slots are damaged, so the data was not checked.</source>
        <translation>Ни один слот ключа хранилища и его резервных копий не открылся этим ключом восстановления: либо он неверен, либо слоты повреждены, поэтому данные не проверены.</translation>
    </message>
    <message>
        <source>its key slot does not open with this recovery key (it is damaged, or older than the last change of recovery key)</source>
        <translation>его слот ключа не открывается этим ключом восстановления (он повреждён или старше последней замены ключа восстановления)</translation>
    </message>
    <message>
        <source>the file could not be read from the disk</source>
        <translation>файл не удалось прочитать с диска</translation>
    </message>
</context>
<context>
    <name>task_words</name>
    <message>
        <source>no day</source>
        <translation>без срока</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>просрочено на %n день</numerusform>
            <numerusform>просрочено на %n дня</numerusform>
            <numerusform>просрочено на %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>завтра</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>через %n день</numerusform>
            <numerusform>через %n дня</numerusform>
            <numerusform>через %n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>time</name>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>вчера</translation>
    </message>
</context>
<context>
    <name>time_plurals</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uncertain_dates</name>
    <message>
        <source>Type a date as 20.07.2026, July 2024, 2024, between 1 and 8 July 2024, before 8 July 2024, after 1 July 2024, about July 2024 or unknown.</source>
        <translation>Введите дату так: 20.07.2026, июль 2024, 2024, между 1 и 8 июля 2024, до 8 июля 2024, после 1 июля 2024, около июля 2024 или «неизвестно».</translation>
    </message>
    <message>
        <source>“{text}” is not a date this app can read. {examples}</source>
        <translation>«{text}» не удаётся прочитать как дату. {examples}</translation>
    </message>
    <message>
        <source>Add the year, e.g. “July 2024” or “8 July 2024”.</source>
        <translation>Добавьте год, например «июль 2024» или «8 июля 2024».</translation>
    </message>
    <message>
        <source>{year} is in the future: today is {today}.</source>
        <translation>{year} год ещё не наступил: сегодня {today}.</translation>
    </message>
    <message>
        <source>{month} {year} is in the future: today is {today}.</source>
        <translation>{month} {year} ещё не наступил: сегодня {today}.</translation>
    </message>
    <message>
        <source>The range runs backwards: {first} comes after {last}.</source>
        <translation>Начало промежутка позже его конца: {first} наступает после {last}.</translation>
    </message>
    <message>
        <source>January</source>
        <comment>a month alone: July 2024</comment>
        <translation>январь</translation>
    </message>
    <message>
        <source>February</source>
        <comment>a month alone: July 2024</comment>
        <translation>февраль</translation>
    </message>
    <message>
        <source>March</source>
        <comment>a month alone: July 2024</comment>
        <translation>март</translation>
    </message>
    <message>
        <source>April</source>
        <comment>a month alone: July 2024</comment>
        <translation>апрель</translation>
    </message>
    <message>
        <source>May</source>
        <comment>a month alone: July 2024</comment>
        <translation>май</translation>
    </message>
    <message>
        <source>June</source>
        <comment>a month alone: July 2024</comment>
        <translation>июнь</translation>
    </message>
    <message>
        <source>July</source>
        <comment>a month alone: July 2024</comment>
        <translation>июль</translation>
    </message>
    <message>
        <source>August</source>
        <comment>a month alone: July 2024</comment>
        <translation>август</translation>
    </message>
    <message>
        <source>September</source>
        <comment>a month alone: July 2024</comment>
        <translation>сентябрь</translation>
    </message>
    <message>
        <source>October</source>
        <comment>a month alone: July 2024</comment>
        <translation>октябрь</translation>
    </message>
    <message>
        <source>November</source>
        <comment>a month alone: July 2024</comment>
        <translation>ноябрь</translation>
    </message>
    <message>
        <source>December</source>
        <comment>a month alone: July 2024</comment>
        <translation>декабрь</translation>
    </message>
    <message>
        <source>between {first} and {last} {month} {year}</source>
        <translation>между {first} и {last} {month} {year}</translation>
    </message>
    <message>
        <source>between {first} and {last} {year}</source>
        <translation>между {first} и {last} {year}</translation>
    </message>
    <message>
        <source>between {first} and {last}</source>
        <translation>между {first} и {last}</translation>
    </message>
    <message>
        <source>about {day}</source>
        <translation>около {day}</translation>
    </message>
    <message>
        <source>about {month} {year}</source>
        <comment>about July 2024</comment>
        <translation>около {month} {year}</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <comment>a month: July 2024</comment>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>about {year}</source>
        <comment>about 2024 (a year)</comment>
        <translation>около {year} года</translation>
    </message>
    <message>
        <source>{year}</source>
        <comment>a year alone: 2024</comment>
        <translation>{year} г.</translation>
    </message>
    <message>
        <source>roughly {span}</source>
        <translation>примерно {span}</translation>
    </message>
    <message>
        <source>before {day}</source>
        <translation>до {day}</translation>
    </message>
    <message>
        <source>after {day}</source>
        <translation>после {day}</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>a date nobody knows</comment>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>in January</source>
        <translation>в январе</translation>
    </message>
    <message>
        <source>in February</source>
        <translation>в феврале</translation>
    </message>
    <message>
        <source>in March</source>
        <translation>в марте</translation>
    </message>
    <message>
        <source>in April</source>
        <translation>в апреле</translation>
    </message>
    <message>
        <source>in May</source>
        <translation>в мае</translation>
    </message>
    <message>
        <source>in June</source>
        <translation>в июне</translation>
    </message>
    <message>
        <source>in July</source>
        <translation>в июле</translation>
    </message>
    <message>
        <source>in August</source>
        <translation>в августе</translation>
    </message>
    <message>
        <source>in September</source>
        <translation>в сентябре</translation>
    </message>
    <message>
        <source>in October</source>
        <translation>в октябре</translation>
    </message>
    <message>
        <source>in November</source>
        <translation>в ноябре</translation>
    </message>
    <message>
        <source>in December</source>
        <translation>в декабре</translation>
    </message>
    <message>
        <source>{in_month} {year}</source>
        <comment>in July 2024</comment>
        <translation>{in_month} {year}</translation>
    </message>
    <message>
        <source>on {day}</source>
        <comment>in a sentence: detained on 08.07.2024</comment>
        <translation>{day}</translation>
    </message>
    <message>
        <source>in {year}</source>
        <comment>in a sentence: in 2024</comment>
        <translation>в {year} году</translation>
    </message>
    <message>
        <source>on a day not known</source>
        <comment>in a sentence</comment>
        <translation>в неизвестный день</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>New case</source>
        <translation>создание дела</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>правку дела</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>смену статуса</translation>
    </message>
    <message>
        <source>Move to another place</source>
        <translation>перевод в другое место</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>запись контакта</translation>
    </message>
    <message>
        <source>Delete a contact</source>
        <translation>удаление контакта</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>создание задачи</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>правку задачи</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>отметку о выполнении задачи</translation>
    </message>
    <message>
        <source>Task to do again</source>
        <translation>возврат задачи в работу</translation>
    </message>
    <message>
        <source>Delete a task</source>
        <translation>удаление задачи</translation>
    </message>
    <message>
        <source>Seen by (debrief)</source>
        <translation>запись «видел его» (опрос)</translation>
    </message>
    <message>
        <source>Same man or not</source>
        <translation>решение «один человек или нет»</translation>
    </message>
    <message>
        <source>Merge two cases</source>
        <translation>объединение двух дел</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>создание запроса</translation>
    </message>
    <message>
        <source>Record a reply</source>
        <translation>запись ответа</translation>
    </message>
    <message>
        <source>Edit request</source>
        <translation>правку запроса</translation>
    </message>
    <message>
        <source>Delete a request</source>
        <translation>удаление запроса</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>запись согласия</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>отзыв согласия</translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <source>%1 B</source>
        <translation>%1 Б</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 ГБ</translation>
    </message>
</context>
</TS>
