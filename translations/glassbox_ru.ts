<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
    <context>
        <name>Dialogs</name>
        <message>
            <source>Open a model</source>
            <translation>Открыть модель</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf);;All files (*)</source>
            <translation>Модели GGUF (*.gguf);;Все файлы (*)</translation>
        </message>
    </context>
    <context>
        <name>EngineWorker</name>
        <message>
            <source>Loading was cancelled.</source>
            <translation>Загрузка отменена.</translation>
        </message>
        <message>
            <source>Could not load “%1”: %2</source>
            <translation>Не удалось загрузить «%1»: %2</translation>
        </message>
        <message>
            <source>Not enough memory to load “%1”.</source>
            <translation>Недостаточно памяти, чтобы загрузить «%1».</translation>
        </message>
        <message>
            <source>No model is loaded. Open a GGUF model file first.</source>
            <translation>Модель не загружена. Сначала откройте файл модели GGUF.</translation>
        </message>
        <message>
            <source>This message alone is longer than the model's context of %1 tokens.</source>
            <translation>Одно это сообщение длиннее контекста модели (%1 токенов).</translation>
        </message>
        <message>
            <source>Not enough memory for this conversation's context.</source>
            <translation>Недостаточно памяти для контекста этого разговора.</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <source>%1 B</source>
            <translation>%1 млрд</translation>
        </message>
        <message>
            <source>%1 M</source>
            <translation>%1 млн</translation>
        </message>
        <message>
            <source>%1 K</source>
            <translation>%1 тыс.</translation>
        </message>
        <message>
            <source>%1 tok/s</source>
            <translation>%1 ток/с</translation>
        </message>
        <message>
            <source>cut off at the token limit</source>
            <translation>обрезано по лимиту токенов</translation>
        </message>
        <message>
            <source>cut off: the context is full</source>
            <translation>обрезано: контекст заполнен</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>остановлено</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>ошибка</translation>
        </message>
        <message>
            <source>reading the prompt…</source>
            <translation>чтение запроса…</translation>
        </message>
        <message>
            <source>prompt %1</source>
            <translation>запрос %1</translation>
        </message>
        <message>
            <source>first token after %1 s</source>
            <translation>первый токен через %1 с</translation>
        </message>
        <message numerus="yes">
            <source>%n token(s)</source>
            <translation>
                <numerusform>%n токен</numerusform>
                <numerusform>%n токена</numerusform>
                <numerusform>%n токенов</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ModelProbe</name>
        <message>
            <source>The file “%1” does not exist.</source>
            <translation>Файл «%1» не существует.</translation>
        </message>
        <message>
            <source>“%1” is not a GGUF model file: %2</source>
            <translation>«%1» — не файл модели GGUF: %2</translation>
        </message>
        <message>
            <source>Glassbox cannot run “%1”: %2</source>
            <translation>Glassbox не может запустить «%1»: %2</translation>
        </message>
        <message>
            <source>“%1” needs %2 of memory but only %3 are available. Close other programs or choose a smaller (more quantized) model.</source>
            <translation>«%1» требует %2 памяти, а доступно только %3. Закройте другие программы или выберите модель меньше (сильнее квантованную).</translation>
        </message>
    </context>
    <context>
        <name>PromptLab</name>
        <message>
            <source>System</source>
            <translation>Система</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>Примеры</translation>
        </message>
        <message>
            <source>History</source>
            <translation>История</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Пользователь</translation>
        </message>
        <message>
            <source>Markup</source>
            <translation>Разметка</translation>
        </message>
        <message>
            <source>&amp;Prompt Lab…</source>
            <translation>&amp;Лаборатория запросов…</translation>
        </message>
        <message>
            <source>Compare prompt templates side by side and score them on a table of inputs</source>
            <translation>Сравнивайте шаблоны запросов бок о бок и оценивайте их на таблице входных данных</translation>
        </message>
    </context>
    <context>
        <name>SamplingPreset</name>
        <message>
            <source>Balanced</source>
            <translation>Сбалансированный</translation>
        </message>
        <message>
            <source>Precise</source>
            <translation>Точный</translation>
        </message>
        <message>
            <source>Creative</source>
            <translation>Творческий</translation>
        </message>
        <message>
            <source>Deterministic (greedy)</source>
            <translation>Детерминированный (жадный)</translation>
        </message>
        <message>
            <source>Beam search (4 beams)</source>
            <translation>Лучевой поиск (4 луча)</translation>
        </message>
        <message>
            <source>Contrastive search</source>
            <translation>Контрастный поиск</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::Banner</name>
        <message>
            <source>Dismiss</source>
            <translation>Закрыть</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ChatController</name>
        <message numerus="yes">
            <source>%n oldest message(s) no longer fit in the context and were left out.</source>
            <translation>
                <numerusform>%n самое старое сообщение больше не помещается в контекст и не учтено.</numerusform>
                <numerusform>%n самых старых сообщения больше не помещаются в контекст и не учтены.</numerusform>
                <numerusform>%n самых старых сообщений больше не помещаются в контекст и не учтены.</numerusform>
            </translation>
        </message>
        <message>
            <source>No model is loaded yet. Open a GGUF model file in the model panel.</source>
            <translation>Модель ещё не загружена. Откройте файл модели GGUF на панели модели.</translation>
        </message>
        <message>
            <source>A conversation in the background no longer fits in the model's context; its reply was not written.</source>
            <translation>Фоновый разговор больше не помещается в контекст модели; ответ не написан.</translation>
        </message>
        <message>
            <source>The conversation no longer fits in the model's context; it goes on in a new chat.</source>
            <translation>Разговор больше не помещается в контекст модели; он продолжается в новом чате.</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ChatView</name>
        <message>
            <source>You</source>
            <translation>Вы</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>Ассистент</translation>
        </message>
        <message>
            <source>Start a conversation</source>
            <translation>Начните разговор</translation>
        </message>
        <message>
            <source>Type a message below and press Return. The demo model continues text in English, Russian and Chinese; try one of these:</source>
            <translation>Напишите сообщение ниже и нажмите Enter. Демо-модель продолжает текст на английском, русском и китайском; попробуйте:</translation>
        </message>
        <message>
            <source>Send this example</source>
            <translation>Отправить этот пример</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>Разговор</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::CodeBlockWidget</name>
        <message>
            <source>Copied</source>
            <translation>Скопировано</translation>
        </message>
        <message>
            <source>code</source>
            <translation>код</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Копировать</translation>
        </message>
        <message>
            <source>Copy the code to the clipboard</source>
            <translation>Скопировать код в буфер обмена</translation>
        </message>
        <message>
            <source>Copy code</source>
            <translation>Копировать код</translation>
        </message>
        <message>
            <source>Code block</source>
            <translation>Блок кода</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::Composer</name>
        <message>
            <source>Write a message… (Return sends, Shift+Return starts a new line)</source>
            <translation>Напишите сообщение… (Enter — отправить, Shift+Enter — новая строка)</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Сообщение</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Отправить</translation>
        </message>
        <message>
            <source>Send the message (Return)</source>
            <translation>Отправить сообщение (Enter)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Стоп</translation>
        </message>
        <message>
            <source>Stop the reply (Esc)</source>
            <translation>Остановить ответ (Esc)</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ConversationSidebar</name>
        <message>
            <source>Pinned</source>
            <translation>Закреплённые</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Сегодня</translation>
        </message>
        <message>
            <source>Yesterday</source>
            <translation>Вчера</translation>
        </message>
        <message>
            <source>Previous 7 days</source>
            <translation>Последние 7 дней</translation>
        </message>
        <message>
            <source>Previous 30 days</source>
            <translation>Последние 30 дней</translation>
        </message>
        <message>
            <source>Older</source>
            <translation>Раньше</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Без названия</translation>
        </message>
        <message>
            <source>Unpin</source>
            <translation>Открепить</translation>
        </message>
        <message>
            <source>Pin</source>
            <translation>Закрепить</translation>
        </message>
        <message>
            <source>New chat</source>
            <translation>Новый чат</translation>
        </message>
        <message>
            <source>Start a new conversation (Ctrl+N)</source>
            <translation>Начать новый разговор (Ctrl+N)</translation>
        </message>
        <message>
            <source>Search all conversations (Ctrl+F)</source>
            <translation>Поиск по всем разговорам (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search conversations</source>
            <translation>Поиск по разговорам</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>Разговоры</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Результаты поиска</translation>
        </message>
        <message>
            <source>No message matches.</source>
            <translation>Ничего не найдено.</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Переименовать</translation>
        </message>
        <message>
            <source>Pin / unpin</source>
            <translation>Закрепить / открепить</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Дублировать</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabBatchPanel</name>
        <message>
            <source>Input</source>
            <translation>Вход</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Ожидается</translation>
        </message>
        <message>
            <source>Output:
%1

log-prob %2 · %3 tokens · %4</source>
            <translation>Выход:
%1

лог-вероятность %2 · %3 токенов · %4</translation>
        </message>
        <message>
            <source>Inputs and expected answers (type them in, import a CSV, or load a built-in set)</source>
            <translation>Входные данные и ожидаемые ответы (введите их, импортируйте CSV или загрузите встроенный набор)</translation>
        </message>
        <message>
            <source>Load</source>
            <translation>Загрузить</translation>
        </message>
        <message>
            <source>Built-in word problems with hand-checked answers</source>
            <translation>Встроенные текстовые задачи с проверенными вручную ответами</translation>
        </message>
        <message>
            <source>Add row</source>
            <translation>Добавить строку</translation>
        </message>
        <message>
            <source>Remove row</source>
            <translation>Удалить строку</translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>Импорт CSV…</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Экспорт CSV…</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Зерно</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>Температура</translation>
        </message>
        <message>
            <source>greedy</source>
            <translation>жадно</translation>
        </message>
        <message>
            <source>Max tokens</source>
            <translation>Макс. токенов</translation>
        </message>
        <message>
            <source>Run batch</source>
            <translation>Запустить пакет</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Стоп</translation>
        </message>
        <message>
            <source>Check the templates to compare in the library on the left.</source>
            <translation>Отметьте шаблоны для сравнения в библиотеке слева.</translation>
        </message>
        <message>
            <source>Templates: %1</source>
            <translation>Шаблоны: %1</translation>
        </message>
        <message>
            <source>Scores (answers compared with case and spacing ignored)</source>
            <translation>Оценки (ответы сравниваются без учёта регистра и пробелов)</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Шаблон</translation>
        </message>
        <message>
            <source>Exact</source>
            <translation>Точно</translation>
        </message>
        <message>
            <source>Contains</source>
            <translation>Содержит</translation>
        </message>
        <message>
            <source>n</source>
            <translation>n</translation>
        </message>
        <message>
            <source>Mean log-prob</source>
            <translation>Средняя лог-вероятность</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>Скорость</translation>
        </message>
        <message>
            <source>(nothing)</source>
            <translation>(ничего)</translation>
        </message>
        <message>
            <source>%1 · %2 failed</source>
            <translation>%1 · %2 с ошибкой</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabComparePanel</name>
        <message>
            <source>greedy</source>
            <translation>жадно</translation>
        </message>
        <message>
            <source>off</source>
            <translation>выкл.</translation>
        </message>
        <message>
            <source>All columns produced the same tokens.</source>
            <translation>Все столбцы дали одни и те же токены.</translation>
        </message>
        <message>
            <source>The columns part at token %1 (marked ▌ in each column).</source>
            <translation>Столбцы расходятся на токене %1 (отмечено ▌ в каждом столбце).</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Вход</translation>
        </message>
        <message>
            <source>One input, run through every column</source>
            <translation>Один вход, прогоняемый через все столбцы</translation>
        </message>
        <message>
            <source>Seed (same for every column)</source>
            <translation>Зерно (одно для всех столбцов)</translation>
        </message>
        <message>
            <source>Max tokens</source>
            <translation>Макс. токенов</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Шаблон</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>Температура</translation>
        </message>
        <message>
            <source>Top-k</source>
            <translation>Top-k</translation>
        </message>
        <message>
            <source>Top-p</source>
            <translation>Top-p</translation>
        </message>
        <message>
            <source>Add column</source>
            <translation>Добавить столбец</translation>
        </message>
        <message>
            <source>Remove column</source>
            <translation>Удалить столбец</translation>
        </message>
        <message>
            <source>Use checked templates</source>
            <translation>Взять отмеченные шаблоны</translation>
        </message>
        <message>
            <source>One greedy column for each template checked in the library (up to four)</source>
            <translation>По одному жадному столбцу на каждый отмеченный в библиотеке шаблон (до четырёх)</translation>
        </message>
        <message>
            <source>Run side by side</source>
            <translation>Запустить бок о бок</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Стоп</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabPromptPreview</name>
        <message>
            <source>Token borders are estimated: the tokens do not spell the text exactly.</source>
            <translation>Границы токенов приблизительны: токены не точно совпадают с текстом.</translation>
        </message>
        <message numerus="yes">
            <source> &amp;nbsp;= &lt;b&gt;%n&lt;/b&gt; tokens</source>
            <translation>
                <numerusform> &amp;nbsp;= &lt;b&gt;%n&lt;/b&gt; токен</numerusform>
                <numerusform> &amp;nbsp;= &lt;b&gt;%n&lt;/b&gt; токена</numerusform>
                <numerusform> &amp;nbsp;= &lt;b&gt;%n&lt;/b&gt; токенов</numerusform>
            </translation>
        </message>
        <message>
            <source> &amp;nbsp;(load a model to count tokens)</source>
            <translation> &amp;nbsp;(загрузите модель, чтобы сосчитать токены)</translation>
        </message>
        <message>
            <source>token %1 · id %2 · %3</source>
            <translation>токен %1 · id %2 · %3</translation>
        </message>
        <message>
            <source>Input ({{question}})</source>
            <translation>Вход ({{question}})</translation>
        </message>
        <message>
            <source>Prompt format</source>
            <translation>Формат запроса</translation>
        </message>
        <message>
            <source>The question or text to run the templates on</source>
            <translation>Вопрос или текст, на котором прогоняются шаблоны</translation>
        </message>
        <message>
            <source>Plain text</source>
            <translation>Простой текст</translation>
        </message>
        <message>
            <source>Wrap in the model's chat template</source>
            <translation>Обернуть в шаблон чата модели</translation>
        </message>
        <message>
            <source>Wrap in the model's chat template (this model has none)</source>
            <translation>Обернуть в шаблон чата модели (у этой модели его нет)</translation>
        </message>
        <message>
            <source>Chat template, examples as earlier turns</source>
            <translation>Шаблон чата, примеры как предыдущие реплики</translation>
        </message>
        <message>
            <source>Chat template, examples as earlier turns (this model has none)</source>
            <translation>Шаблон чата, примеры как предыдущие реплики (у этой модели его нет)</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabResultColumn</name>
        <message>
            <source>log-prob &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>лог-вероятность &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message numerus="yes">
            <source>%n tokens</source>
            <translation>
                <numerusform>%n токен</numerusform>
                <numerusform>%n токена</numerusform>
                <numerusform>%n токенов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>prompt %n tokens</source>
            <translation>
                <numerusform>запрос %n токен</numerusform>
                <numerusform>запрос %n токена</numerusform>
                <numerusform>запрос %n токенов</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;span style="color:#1b5e20;"&gt;✔ exact&lt;/span&gt;</source>
            <translation>&lt;span style="color:#1b5e20;"&gt;✔ точно&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;span style="color:#7a5200;"&gt;≈ contains&lt;/span&gt;</source>
            <translation>&lt;span style="color:#7a5200;"&gt;≈ содержит&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;span style="color:#b00020;"&gt;✘ wrong&lt;/span&gt;</source>
            <translation>&lt;span style="color:#b00020;"&gt;✘ неверно&lt;/span&gt;</translation>
        </message>
        <message>
            <source>running…</source>
            <translation>выполняется…</translation>
        </message>
        <message>
            <source>Columns part at token %1</source>
            <translation>Столбцы расходятся на токене %1</translation>
        </message>
        <message>
            <source>The columns part here: token %1 differs</source>
            <translation>Здесь столбцы расходятся: токен %1 отличается</translation>
        </message>
        <message>
            <source>token %1 · id %2
log p = %3 (p = %4)
alternatives: %5</source>
            <translation>токен %1 · id %2
log p = %3 (p = %4)
альтернативы: %5</translation>
        </message>
        <message>
            <source>(no tokens: the model ended at once)</source>
            <translation>(нет токенов: модель сразу завершила)</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabRunsPanel</name>
        <message>
            <source>batch</source>
            <translation>пакет</translation>
        </message>
        <message>
            <source>side by side</source>
            <translation>бок о бок</translation>
        </message>
        <message>
            <source>Every run is saved with what reproduces it: the model file and its hash, the template texts, the seed and the sampler settings.</source>
            <translation>Каждый прогон сохраняется со всем, что нужно для его повторения: файл модели и его хэш, тексты шаблонов, зерно и настройки сэмплера.</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Режим</translation>
        </message>
        <message>
            <source>Templates</source>
            <translation>Шаблоны</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Входы</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Модель</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Зерно</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <source>Re-run exactly</source>
            <translation>Повторить точно</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabTemplateEditor</name>
        <message>
            <source>Variables: {{question}} is the input, {{examples}} the examples.</source>
            <translation>Переменные: {{question}} — вход, {{examples}} — примеры.</translation>
        </message>
        <message>
            <source>Variables of this template: %1 (fill them in beside the preview).</source>
            <translation>Переменные этого шаблона: %1 (заполните их рядом с предпросмотром).</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Language, kind</source>
            <translation>Язык, вид</translation>
        </message>
        <message>
            <source>System</source>
            <translation>Система</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Запрос</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>Примеры</translation>
        </message>
        <message>
            <source>Example format</source>
            <translation>Формат примера</translation>
        </message>
        <message>
            <source>Between examples</source>
            <translation>Между примерами</translation>
        </message>
        <message>
            <source>Answer after</source>
            <translation>Ответ после</translation>
        </message>
        <message>
            <source>Stop at</source>
            <translation>Остановиться на</translation>
        </message>
        <message>
            <source>Zero-shot</source>
            <translation>Без примеров</translation>
        </message>
        <message>
            <source>Few-shot</source>
            <translation>С примерами</translation>
        </message>
        <message>
            <source>Chain of thought</source>
            <translation>Цепочка рассуждений</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Вход</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Выход</translation>
        </message>
        <message>
            <source>Add example</source>
            <translation>Добавить пример</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>Вернуть</translation>
        </message>
        <message>
            <source>A built-in template: read-only. Duplicate it to make your own version.</source>
            <translation>Встроенный шаблон: только для чтения. Сделайте копию, чтобы создать свою версию.</translation>
        </message>
        <message>
            <source>Optional: the system message (in chat mode), or the first paragraph</source>
            <translation>Необязательно: системное сообщение (в режиме чата) или первый абзац</translation>
        </message>
        <message>
            <source>The prompt, with {{question}}, {{examples}} and variables of your own</source>
            <translation>Запрос с {{question}}, {{examples}} и вашими переменными</translation>
        </message>
        <message>
            <source>How one example is written: {{input}} and {{output}}</source>
            <translation>Как записывается один пример: {{input}} и {{output}}</translation>
        </message>
        <message>
            <source>e.g. Answer: (empty: the first line is the answer)</source>
            <translation>например, Ответ: (пусто — ответом считается первая строка)</translation>
        </message>
        <message>
            <source>e.g. \n\n, Question:</source>
            <translation>например, \n\n, Вопрос:</translation>
        </message>
        <message>
            <source>Generation stops at any of these. Separate them with commas; \n is a line break.</source>
            <translation>Генерация останавливается на любой из этих строк. Разделяйте их запятыми; \n — перевод строки.</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabTemplateList</name>
        <message>
            <source>My templates</source>
            <translation>Мои шаблоны</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Шаблон</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Новый</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Дублировать</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Импорт…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Экспорт…</translation>
        </message>
        <message>
            <source>A new empty template of your own</source>
            <translation>Новый пустой собственный шаблон</translation>
        </message>
        <message>
            <source>Copy the selected template to edit it</source>
            <translation>Скопировать выбранный шаблон, чтобы изменить его</translation>
        </message>
        <message>
            <source>Add the templates of a JSON file</source>
            <translation>Добавить шаблоны из файла JSON</translation>
        </message>
        <message>
            <source>Save the checked templates (or the selected one) as JSON</source>
            <translation>Сохранить отмеченные шаблоны (или выбранный) в JSON</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::MainWindow</name>
        <message>
            <source>No model is loaded and the demo model was not found. Open a GGUF model file to start.</source>
            <translation>Модель не загружена, а демо-модель не найдена. Откройте файл модели GGUF, чтобы начать.</translation>
        </message>
        <message>
            <source>Loaded %1</source>
            <translation>Загружена %1</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1 (копия)</translation>
        </message>
        <message>
            <source>About Glassbox</source>
            <translation>О Glassbox</translation>
        </message>
        <message>
            <source>&lt;b&gt;Glassbox %1&lt;/b&gt;&lt;p&gt;Chat with local language models (GGUF) and see inside them.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL version 3 or later.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Glassbox %1&lt;/b&gt;&lt;p&gt;Общайтесь с локальными языковыми моделями (GGUF) и заглядывайте внутрь них.&lt;/p&gt;&lt;p&gt;Распространяется по лицензии GNU GPL версии 3 или более поздней.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>&amp;Chat</source>
            <translation>&amp;Чат</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>&amp;Open model…</source>
            <translation>&amp;Открыть модель…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>В&amp;ыход</translation>
        </message>
        <message>
            <source>&amp;New chat</source>
            <translation>&amp;Новый чат</translation>
        </message>
        <message>
            <source>&amp;Search conversations</source>
            <translation>&amp;Поиск по разговорам</translation>
        </message>
        <message>
            <source>S&amp;top the reply</source>
            <translation>&amp;Остановить ответ</translation>
        </message>
        <message>
            <source>&amp;Write a message</source>
            <translation>Н&amp;аписать сообщение</translation>
        </message>
        <message>
            <source>&amp;About Glassbox</source>
            <translation>&amp;О Glassbox</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Модель</translation>
        </message>
        <message>
            <source>Sampling</source>
            <translation>Сэмплирование</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Инспектор</translation>
        </message>
        <message>
            <source>Delete conversation</source>
            <translation>Удалить разговор</translation>
        </message>
        <message>
            <source>Delete “%1” and all its messages? This cannot be undone.</source>
            <translation>Удалить «%1» со всеми сообщениями? Это нельзя отменить.</translation>
        </message>
        <message>
            <source>The chat history cannot be used: %1
Chats of this session are kept in memory only.</source>
            <translation>Историю чатов нельзя использовать: %1
Чаты этого сеанса хранятся только в памяти.</translation>
        </message>
        <message>
            <source>Move it aside and start a new history</source>
            <translation>Отложить файл и начать новую историю</translation>
        </message>
        <message>
            <source>This conversation fills %1 of the model's %2 tokens of context. When it is full:</source>
            <translation>Разговор занимает %1 из %2 токенов контекста модели. Когда он заполнится:</translation>
        </message>
        <message>
            <source>Drop the oldest turns</source>
            <translation>Отбрасывать старые реплики</translation>
        </message>
        <message>
            <source>Start a new chat</source>
            <translation>Начать новый чат</translation>
        </message>
        <message>
            <source>The conversation no longer fits: it needs %1 tokens but the model's context holds %2. Choose how to go on:</source>
            <translation>Разговор больше не помещается: нужно %1 токенов, а контекст модели вмещает %2. Выберите, как продолжить:</translation>
        </message>
        <message>
            <source>Drop the oldest turns and reply</source>
            <translation>Отбросить старые реплики и ответить</translation>
        </message>
        <message>
            <source>Continue in a new chat</source>
            <translation>Продолжить в новом чате</translation>
        </message>
        <message>
            <source>This conversation (%1 tokens) is longer than the model's context of %2 tokens. For the next reply:</source>
            <translation>Этот разговор (%1 токенов) длиннее контекста модели в %2 токенов. Для следующего ответа:</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::MemoryChatStore</name>
        <message>
            <source>Conversation %1 no longer exists.</source>
            <translation>Разговора %1 больше нет.</translation>
        </message>
        <message>
            <source>The conversation no longer exists.</source>
            <translation>Этого разговора больше нет.</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::MessageWidget</name>
        <message>
            <source>…</source>
            <translation>…</translation>
        </message>
        <message>
            <source>(no text)</source>
            <translation>(нет текста)</translation>
        </message>
        <message>
            <source>Edit message</source>
            <translation>Изменить сообщение</translation>
        </message>
        <message>
            <source>Save &amp;&amp; send</source>
            <translation>Сохранить и отправить</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Previous version</source>
            <translation>Предыдущая версия</translation>
        </message>
        <message>
            <source>Next version</source>
            <translation>Следующая версия</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Версия</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Копировать</translation>
        </message>
        <message>
            <source>Copy the message to the clipboard</source>
            <translation>Скопировать сообщение в буфер обмена</translation>
        </message>
        <message>
            <source>Copy message</source>
            <translation>Копировать сообщение</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Изменить</translation>
        </message>
        <message>
            <source>Edit this message and send it again as a new version</source>
            <translation>Изменить сообщение и отправить его снова как новую версию</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>Заново</translation>
        </message>
        <message>
            <source>Write another version of this reply</source>
            <translation>Написать другую версию этого ответа</translation>
        </message>
        <message>
            <source>Regenerate reply</source>
            <translation>Сгенерировать ответ заново</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Продолжить</translation>
        </message>
        <message>
            <source>Continue this reply where it stopped</source>
            <translation>Продолжить ответ с места остановки</translation>
        </message>
        <message>
            <source>Continue reply</source>
            <translation>Продолжить ответ</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ModelPanel</name>
        <message>
            <source>%1 tokens (trained with %2)</source>
            <translation>%1 токенов (обучена на %2)</translation>
        </message>
        <message>
            <source>%1 layers, width %2, %3 heads (%4 KV)</source>
            <translation>%1 слоёв, ширина %2, %3 голов (%4 KV)</translation>
        </message>
        <message>
            <source>%1 experts, %2 per token</source>
            <translation>%1 экспертов, %2 на токен</translation>
        </message>
        <message>
            <source>none (dense)</source>
            <translation>нет (плотная)</translation>
        </message>
        <message>
            <source>%1 (weights %2 + context %3)</source>
            <translation>%1 (веса %2 + контекст %3)</translation>
        </message>
        <message>
            <source>chat template (%1)</source>
            <translation>шаблон чата (%1)</translation>
        </message>
        <message>
            <source>plain text: the model continues what you write</source>
            <translation>простой текст: модель продолжает то, что вы пишете</translation>
        </message>
        <message>
            <source>Open model…</source>
            <translation>Открыть модель…</translation>
        </message>
        <message>
            <source>Open a GGUF model file (or drop one on the window)</source>
            <translation>Открыть файл модели GGUF (или перетащите его в окно)</translation>
        </message>
        <message>
            <source>Open model</source>
            <translation>Открыть модель</translation>
        </message>
        <message>
            <source>Loading %1…</source>
            <translation>Загрузка %1…</translation>
        </message>
        <message>
            <source>Loading progress</source>
            <translation>Ход загрузки</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Cancel loading</source>
            <translation>Отменить загрузку</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <source>Architecture:</source>
            <translation>Архитектура:</translation>
        </message>
        <message>
            <source>Parameters:</source>
            <translation>Параметры:</translation>
        </message>
        <message>
            <source>Quantization:</source>
            <translation>Квантование:</translation>
        </message>
        <message>
            <source>Context:</source>
            <translation>Контекст:</translation>
        </message>
        <message>
            <source>Shape:</source>
            <translation>Форма:</translation>
        </message>
        <message>
            <source>Experts:</source>
            <translation>Эксперты:</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Файл:</translation>
        </message>
        <message>
            <source>Memory needed:</source>
            <translation>Нужно памяти:</translation>
        </message>
        <message>
            <source>Prompt format:</source>
            <translation>Формат запроса:</translation>
        </message>
        <message>
            <source>Recent models (double-click to open):</source>
            <translation>Недавние модели (двойной щелчок — открыть):</translation>
        </message>
        <message>
            <source>Recent models</source>
            <translation>Недавние модели</translation>
        </message>
        <message>
            <source>This conversation</source>
            <translation>Этот разговор</translation>
        </message>
        <message>
            <source>&amp;System prompt:</source>
            <translation>&amp;Системный запрос:</translation>
        </message>
        <message>
            <source>Instructions the model sees before the conversation (optional)</source>
            <translation>Указания, которые модель видит перед разговором (необязательно)</translation>
        </message>
        <message>
            <source>System prompt</source>
            <translation>Системный запрос</translation>
        </message>
        <message>
            <source>When the conversation outgrows the &amp;context:</source>
            <translation>Когда разговор перерастает &amp;контекст:</translation>
        </message>
        <message>
            <source>Ask me</source>
            <translation>Спросить меня</translation>
        </message>
        <message>
            <source>Drop the oldest turns (keep the system prompt)</source>
            <translation>Отбрасывать старые реплики (системный запрос сохраняется)</translation>
        </message>
        <message>
            <source>Start a new chat</source>
            <translation>Начать новый чат</translation>
        </message>
        <message>
            <source>Context policy</source>
            <translation>Политика контекста</translation>
        </message>
        <message>
            <source>Loaded model</source>
            <translation>Загруженная модель</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::PromptLabWidget</name>
        <message>
            <source>Type an input to run the templates on.</source>
            <translation>Введите вход, на котором прогнать шаблоны.</translation>
        </message>
        <message>
            <source>re-run of #%1</source>
            <translation>повтор №%1</translation>
        </message>
        <message>
            <source>the model file %1 is gone</source>
            <translation>файла модели %1 больше нет</translation>
        </message>
        <message>
            <source>Open a model first.</source>
            <translation>Сначала откройте модель.</translation>
        </message>
        <message numerus="yes">
            <source>Running %n cell(s)…</source>
            <translation>
                <numerusform>Выполняется %n ячейка…</numerusform>
                <numerusform>Выполняются %n ячейки…</numerusform>
                <numerusform>Выполняются %n ячеек…</numerusform>
            </translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>Выполняется…</translation>
        </message>
        <message>
            <source>The run could not be saved: %1</source>
            <translation>Прогон не удалось сохранить: %1</translation>
        </message>
        <message>
            <source>Saved as run #%1.</source>
            <translation>Сохранено как прогон №%1.</translation>
        </message>
        <message>
            <source>Stopped before the end. </source>
            <translation>Остановлено до конца. </translation>
        </message>
        <message numerus="yes">
            <source>Re-run of #%1: identical tokens in all %n cell(s).</source>
            <translation>
                <numerusform>Повтор №%1: одинаковые токены в %n ячейке.</numerusform>
                <numerusform>Повтор №%1: одинаковые токены во всех %n ячейках.</numerusform>
                <numerusform>Повтор №%1: одинаковые токены во всех %n ячейках.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Re-run of #%1: %2 of %n cell(s) differ.</source>
            <translation>
                <numerusform>Повтор №%1: отличается %2 из %n ячейки.</numerusform>
                <numerusform>Повтор №%1: отличается %2 из %n ячеек.</numerusform>
                <numerusform>Повтор №%1: отличается %2 из %n ячеек.</numerusform>
            </translation>
        </message>
        <message>
            <source>Run #%1 of %2, model %3.</source>
            <translation>Прогон №%1 от %2, модель %3.</translation>
        </message>
        <message>
            <source>Your own templates and saved runs are not available: %1</source>
            <translation>Ваши шаблоны и сохранённые прогоны недоступны: %1</translation>
        </message>
        <message>
            <source>Saved “%1”.</source>
            <translation>Сохранено «%1».</translation>
        </message>
        <message>
            <source>New template</source>
            <translation>Новый шаблон</translation>
        </message>
        <message>
            <source>Answer the question.

Question: {{question}}
Answer:</source>
            <translation>Ответьте на вопрос.

Вопрос: {{question}}
Ответ:</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1 (копия)</translation>
        </message>
        <message>
            <source>Delete template</source>
            <translation>Удалить шаблон</translation>
        </message>
        <message>
            <source>Delete the template “%1”?</source>
            <translation>Удалить шаблон «%1»?</translation>
        </message>
        <message>
            <source>Import prompt templates</source>
            <translation>Импортировать шаблоны запросов</translation>
        </message>
        <message>
            <source>Prompt templates (*.json);;All files (*)</source>
            <translation>Шаблоны запросов (*.json);;Все файлы (*)</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n template(s) from %1.</source>
            <translation>
                <numerusform>Импортирован %n шаблон из %1.</numerusform>
                <numerusform>Импортировано %n шаблона из %1.</numerusform>
                <numerusform>Импортировано %n шаблонов из %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export prompt templates</source>
            <translation>Экспортировать шаблоны запросов</translation>
        </message>
        <message>
            <source>Prompt templates (*.json)</source>
            <translation>Шаблоны запросов (*.json)</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n template(s) to %1.</source>
            <translation>
                <numerusform>Экспортирован %n шаблон в %1.</numerusform>
                <numerusform>Экспортировано %n шаблона в %1.</numerusform>
                <numerusform>Экспортировано %n шаблонов в %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import inputs</source>
            <translation>Импортировать входные данные</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
        </message>
        <message numerus="yes">
            <source>Read %n input(s) from %1.</source>
            <translation>
                <numerusform>Прочитан %n вход из %1.</numerusform>
                <numerusform>Прочитано %n входа из %1.</numerusform>
                <numerusform>Прочитано %n входов из %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export inputs</source>
            <translation>Экспортировать входные данные</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>Файлы CSV (*.csv)</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Не удаётся записать %1: %2</translation>
        </message>
        <message>
            <source>No model: open one, or load one in the chat window.</source>
            <translation>Нет модели: откройте её здесь или загрузите в окне чата.</translation>
        </message>
        <message>
            <source>Loading &lt;b&gt;%1&lt;/b&gt;…</source>
            <translation>Загрузка &lt;b&gt;%1&lt;/b&gt;…</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; could not be loaded: %2</source>
            <translation>Не удалось загрузить &lt;b&gt;%1&lt;/b&gt;: %2</translation>
        </message>
        <message>
            <source>Model: &lt;b&gt;%1&lt;/b&gt; · %2</source>
            <translation>Модель: &lt;b&gt;%1&lt;/b&gt; · %2</translation>
        </message>
        <message>
            <source>has a chat template</source>
            <translation>есть шаблон чата</translation>
        </message>
        <message>
            <source>no chat template (plain prompts)</source>
            <translation>нет шаблона чата (простые запросы)</translation>
        </message>
        <message>
            <source>Open model…</source>
            <translation>Открыть модель…</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Шаблон</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>Бок о бок</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Пакет</translation>
        </message>
        <message>
            <source>Saved runs</source>
            <translation>Сохранённые прогоны</translation>
        </message>
        <message>
            <source>Preview: the exact prompt, tokens by part</source>
            <translation>Предпросмотр: точный запрос, токены по частям</translation>
        </message>
        <message>
            <source> · &lt;i&gt;vocabulary only: previews, no runs&lt;/i&gt;</source>
            <translation> · &lt;i&gt;только словарь: предпросмотр без прогонов&lt;/i&gt;</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Контекст</translation>
        </message>
        <message>
            <source>model's</source>
            <translation>модели</translation>
        </message>
        <message>
            <source> tokens</source>
            <translation> токенов</translation>
        </message>
        <message>
            <source>Tokens of context for the lab's runs (the model's own by default). Long few-shot and chain-of-thought prompts may need more than a small model was trained on.</source>
            <translation>Токены контекста для прогонов лаборатории (по умолчанию — как у модели). Длинным запросам с примерами и цепочками рассуждений может понадобиться больше, чем видела при обучении маленькая модель.</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::PromptLabWindow</name>
        <message>
            <source>Prompt Lab — Glassbox</source>
            <translation>Лаборатория запросов — Glassbox</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::SamplingPanel</name>
        <message>
            <source>Last reply's seed: %1</source>
            <translation>Зерно последнего ответа: %1</translation>
        </message>
        <message>
            <source>&amp;Preset:</source>
            <translation>&amp;Набор:</translation>
        </message>
        <message>
            <source>Sampling preset</source>
            <translation>Набор параметров сэмплирования</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Свой</translation>
        </message>
        <message>
            <source>Sampling</source>
            <translation>Сэмплирование</translation>
        </message>
        <message>
            <source>Repetition</source>
            <translation>Повторы</translation>
        </message>
        <message>
            <source>Search strategies</source>
            <translation>Стратегии поиска</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Зерно</translation>
        </message>
        <message>
            <source>Temperature:</source>
            <translation>Температура:</translation>
        </message>
        <message>
            <source>0 picks the most likely token (greedy); higher is more varied</source>
            <translation>0 — всегда самый вероятный токен (жадно); выше — разнообразнее</translation>
        </message>
        <message>
            <source>Top-k:</source>
            <translation>Top-k:</translation>
        </message>
        <message>
            <source>Keep only the k most likely tokens (0: off)</source>
            <translation>Оставлять только k самых вероятных токенов (0 — выкл.)</translation>
        </message>
        <message>
            <source>Top-p:</source>
            <translation>Top-p:</translation>
        </message>
        <message>
            <source>Keep the most likely tokens up to this total probability (1: off)</source>
            <translation>Оставлять самые вероятные токены до этой суммарной вероятности (1 — выкл.)</translation>
        </message>
        <message>
            <source>Min-p:</source>
            <translation>Min-p:</translation>
        </message>
        <message>
            <source>Drop tokens less likely than this fraction of the best one (0: off)</source>
            <translation>Отбрасывать токены, вероятность которых меньше этой доли от лучшего (0 — выкл.)</translation>
        </message>
        <message>
            <source>Max tokens:</source>
            <translation>Макс. токенов:</translation>
        </message>
        <message>
            <source>The longest reply, in tokens</source>
            <translation>Наибольшая длина ответа в токенах</translation>
        </message>
        <message>
            <source>Repeat penalty:</source>
            <translation>Штраф за повтор:</translation>
        </message>
        <message>
            <source>Make tokens seen recently less likely (1: off)</source>
            <translation>Снижать вероятность недавно встречавшихся токенов (1 — выкл.)</translation>
        </message>
        <message>
            <source>Penalty window:</source>
            <translation>Окно штрафа:</translation>
        </message>
        <message>
            <source>How many recent tokens the penalties look at (-1: all)</source>
            <translation>Сколько последних токенов учитывают штрафы (-1 — все)</translation>
        </message>
        <message>
            <source>Presence penalty:</source>
            <translation>Штраф за присутствие:</translation>
        </message>
        <message>
            <source>Subtracted once from every token already present</source>
            <translation>Вычитается один раз из каждого уже встречавшегося токена</translation>
        </message>
        <message>
            <source>Frequency penalty:</source>
            <translation>Штраф за частоту:</translation>
        </message>
        <message>
            <source>Subtracted per occurrence of a token</source>
            <translation>Вычитается за каждое появление токена</translation>
        </message>
        <message>
            <source>Beams:</source>
            <translation>Лучи:</translation>
        </message>
        <message>
            <source>Beam search when more than 1</source>
            <translation>Лучевой поиск, если больше 1</translation>
        </message>
        <message>
            <source>Length penalty:</source>
            <translation>Штраф за длину:</translation>
        </message>
        <message>
            <source>Beam score = log-probability / length^penalty</source>
            <translation>Оценка луча = лог-вероятность / длина^штраф</translation>
        </message>
        <message>
            <source>Contrastive k:</source>
            <translation>Контрастный k:</translation>
        </message>
        <message>
            <source>Contrastive search candidates (0: off)</source>
            <translation>Кандидаты контрастного поиска (0 — выкл.)</translation>
        </message>
        <message>
            <source>Degeneration penalty α:</source>
            <translation>Штраф вырождения α:</translation>
        </message>
        <message>
            <source>Contrastive search's weight against repeating itself</source>
            <translation>Вес контрастного поиска против самоповторов</translation>
        </message>
        <message>
            <source>Stop beam search early</source>
            <translation>Ранняя остановка лучевого поиска</translation>
        </message>
        <message>
            <source>Token healing</source>
            <translation>Лечение токенов</translation>
        </message>
        <message>
            <source>Re-generate the prompt's last token so a word split at the end can continue</source>
            <translation>Заново порождать последний токен запроса, чтобы разрезанное в конце слово могло продолжиться</translation>
        </message>
        <message>
            <source>New random seed for each reply</source>
            <translation>Новое случайное зерно для каждого ответа</translation>
        </message>
        <message>
            <source>The random seed; the same seed and settings give the same reply</source>
            <translation>Случайное зерно; одно и то же зерно и настройки дают тот же ответ</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>Зерно:</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::StatusPanel</name>
        <message>
            <source>Prompt: %1</source>
            <translation>Запрос: %1</translation>
        </message>
        <message>
            <source>Prompt: –</source>
            <translation>Запрос: –</translation>
        </message>
        <message>
            <source>Generation: %1</source>
            <translation>Генерация: %1</translation>
        </message>
        <message>
            <source>Generation: –</source>
            <translation>Генерация: –</translation>
        </message>
        <message>
            <source>First token: %1 s</source>
            <translation>Первый токен: %1 с</translation>
        </message>
        <message>
            <source>First token: …</source>
            <translation>Первый токен: …</translation>
        </message>
        <message>
            <source>First token: –</source>
            <translation>Первый токен: –</translation>
        </message>
        <message>
            <source>Reading the prompt: %1 %</source>
            <translation>Чтение запроса: %1 %</translation>
        </message>
        <message>
            <source>%1 / %2 tokens</source>
            <translation>%1 / %2 токенов</translation>
        </message>
        <message>
            <source>no model</source>
            <translation>нет модели</translation>
        </message>
        <message>
            <source>Context used by this conversation: %1 of %2 tokens. When it is full, older turns must be dropped or a new chat started.</source>
            <translation>Контекст, занятый разговором: %1 из %2 токенов. Когда он заполнится, придётся отбросить старые реплики или начать новый чат.</translation>
        </message>
        <message>
            <source>Memory: %1</source>
            <translation>Память: %1</translation>
        </message>
        <message>
            <source>Model weights %1, context caches %2; the whole process %3</source>
            <translation>Веса модели %1, кэши контекста %2; весь процесс %3</translation>
        </message>
        <message>
            <source>Context usage</source>
            <translation>Заполнение контекста</translation>
        </message>
        <message>
            <source>How fast the prompt was read</source>
            <translation>Скорость чтения запроса</translation>
        </message>
        <message>
            <source>How fast the reply was written</source>
            <translation>Скорость написания ответа</translation>
        </message>
        <message>
            <source>Time from sending to the first token of the reply</source>
            <translation>Время от отправки до первого токена ответа</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::AttentionMapView</name>
        <message>
            <source>head %1 (KV head %2)</source>
            <translation>голова %1 (KV-голова %2)</translation>
        </message>
        <message>
            <source>head %1</source>
            <translation>голова %1</translation>
        </message>
        <message>
            <source>Position %1 cannot attend to the later position %2.</source>
            <translation>Позиция %1 не может обращать внимание на более позднюю позицию %2.</translation>
        </message>
        <message>
            <source>Layer %1, %2
Query %3 %4 → key %5 %6
Weight %7 (%8)</source>
            <translation>Слой %1, %2
Запрос %3 %4 → ключ %5 %6
Вес %7 (%8)</translation>
        </message>
        <message>
            <source>Send a message: the attention of each layer and head appears here while the reply is written.</source>
            <translation>Отправьте сообщение: здесь появится внимание каждого слоя и головы, пока пишется ответ.</translation>
        </message>
        <message>
            <source>Attention was not recorded for this reply: the inspector was closed while it was written. Keep the inspector open and regenerate the reply to see it.</source>
            <translation>Внимание для этого ответа не записано: инспектор был закрыт, пока он писался. Оставьте инспектор открытым и сгенерируйте ответ заново.</translation>
        </message>
        <message>
            <source>The heads of layer %1 were not kept for this reply (this model has %2 layers × %3 heads; only the chosen layer keeps every head). Its mean and maximum were kept; choose layer %1 before the next reply to keep its heads.</source>
            <translation>Головы слоя %1 для этого ответа не сохранены (у модели %2 слоёв × %3 голов; все головы хранит только выбранный слой). Сохранены среднее и максимум; выберите слой %1 до следующего ответа, чтобы сохранить его головы.</translation>
        </message>
        <message>
            <source>Waiting for the first evaluated token…</source>
            <translation>Ожидание первого вычисленного токена…</translation>
        </message>
        <message>
            <source>Key →</source>
            <translation>Ключ →</translation>
        </message>
        <message>
            <source>Query ↓</source>
            <translation>Запрос ↓</translation>
        </message>
        <message>
            <source>mean over its %1 heads</source>
            <translation>среднее по его %1 головам</translation>
        </message>
        <message>
            <source>maximum over its %1 heads</source>
            <translation>максимум по его %1 головам</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::ExpertLoadView</name>
        <message>
            <source>The experts' load per layer appears here.</source>
            <translation>Здесь появится загрузка экспертов по слоям.</translation>
        </message>
        <message>
            <source>This model is dense: it has no experts, so there is no expert load to show.</source>
            <translation>Это плотная модель: экспертов нет, поэтому показывать нечего.</translation>
        </message>
        <message>
            <source>Routing was not recorded for this reply.</source>
            <translation>Маршрутизация для этого ответа не записана.</translation>
        </message>
        <message>
            <source>Share of top-%1 choices per layer:</source>
            <translation>Доля выборов top-%1 по слоям:</translation>
        </message>
        <message>
            <source>this reply</source>
            <translation>этот ответ</translation>
        </message>
        <message>
            <source>conversation</source>
            <translation>разговор</translation>
        </message>
        <message>
            <source>balanced (1/%1)</source>
            <translation>равномерно (1/%1)</translation>
        </message>
        <message>
            <source>Layer %1</source>
            <translation>Слой %1</translation>
        </message>
        <message>
            <source>Layer %1, expert %2
This reply: %3 % of the choices
Conversation: %4 %</source>
            <translation>Слой %1, эксперт %2
Этот ответ: %3 % выборов
Разговор: %4 %</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::HeadGridView</name>
        <message>
            <source>heads %1–%2 → KV head %3</source>
            <translation>головы %1–%2 → KV-голова %3</translation>
        </message>
        <message>
            <source>Grouped-query attention: %1 query heads share %2 KV heads (%3).</source>
            <translation>Групповое внимание запросов: %1 голов запросов делят %2 KV-голов (%3).</translation>
        </message>
        <message>
            <source>Layer %1, head %2</source>
            <translation>Слой %1, голова %2</translation>
        </message>
        <message>
            <source>Reads KV head %1</source>
            <translation>Читает KV-голову %1</translation>
        </message>
        <message>
            <source>Not kept for this reply</source>
            <translation>Не сохранено для этого ответа</translation>
        </message>
        <message>
            <source>Click to show it in the attention map</source>
            <translation>Щёлкните, чтобы показать на карте внимания</translation>
        </message>
        <message>
            <source>No attention was recorded for this reply.</source>
            <translation>Для этого ответа внимание не записано.</translation>
        </message>
        <message>
            <source>The heads of the chosen layer appear here.</source>
            <translation>Здесь появятся головы выбранного слоя.</translation>
        </message>
        <message>
            <source>H%1</source>
            <translation>Г%1</translation>
        </message>
        <message>
            <source>KV%1</source>
            <translation>KV%1</translation>
        </message>
        <message>
            <source>not kept</source>
            <translation>не сохранено</translation>
        </message>
        <message>
            <source>Layer %1, every head (click one to show it above):</source>
            <translation>Слой %1, все головы (щёлкните, чтобы показать выше):</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::InspectorPanel</name>
        <message>
            <source>This message has no reply yet: its tokens are inspected with the reply that follows it.</source>
            <translation>У этого сообщения ещё нет ответа: его токены показываются вместе со следующим за ним ответом.</translation>
        </message>
        <message>
            <source>Reply %1 (being written)</source>
            <translation>Ответ %1 (пишется)</translation>
        </message>
        <message>
            <source>Reply %1: %2</source>
            <translation>Ответ %1: %2</translation>
        </message>
        <message>
            <source>Layer %1</source>
            <translation>Слой %1</translation>
        </message>
        <message>
            <source>Mean over heads</source>
            <translation>Среднее по головам</translation>
        </message>
        <message>
            <source>Maximum over heads</source>
            <translation>Максимум по головам</translation>
        </message>
        <message>
            <source>Head %1 (KV %2)</source>
            <translation>Голова %1 (KV %2)</translation>
        </message>
        <message>
            <source>Head %1</source>
            <translation>Голова %1</translation>
        </message>
        <message>
            <source>Experts:</source>
            <translation>Эксперты:</translation>
        </message>
        <message>
            <source>No reply to inspect yet.</source>
            <translation>Пока нет ответа для изучения.</translation>
        </message>
        <message>
            <source>Reading this reply's inspection from the history…</source>
            <translation>Чтение данных инспектора для этого ответа из истории…</translation>
        </message>
        <message>
            <source>Reading the prompt…</source>
            <translation>Чтение запроса…</translation>
        </message>
        <message>
            <source>Nothing was recorded for this reply (it was written before the inspector kept it, or the history could not store it).</source>
            <translation>Для этого ответа ничего не записано (он написан до того, как инспектор стал сохранять данные, или история не смогла их сохранить).</translation>
        </message>
        <message>
            <source>%1 prompt tokens, %2 generated; %3 positions evaluated for this reply.</source>
            <translation>%1 токенов запроса, %2 сгенерировано; для этого ответа вычислено %3 позиций.</translation>
        </message>
        <message>
            <source>Writing: %1 prompt tokens, %2 generated so far…</source>
            <translation>Пишется: %1 токенов запроса, пока сгенерировано %2…</translation>
        </message>
        <message>
            <source>(Attention is recorded only while the inspector is open.)</source>
            <translation>(Внимание записывается, только пока инспектор открыт.)</translation>
        </message>
        <message>
            <source>Reply:</source>
            <translation>Ответ:</translation>
        </message>
        <message>
            <source>PNG</source>
            <translation>PNG</translation>
        </message>
        <message>
            <source>Save this view as a PNG image</source>
            <translation>Сохранить этот вид как изображение PNG</translation>
        </message>
        <message>
            <source>CSV</source>
            <translation>CSV</translation>
        </message>
        <message>
            <source>Save this view's data as CSV</source>
            <translation>Сохранить данные этого вида в CSV</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>Save this view's data as JSON</source>
            <translation>Сохранить данные этого вида в JSON</translation>
        </message>
        <message>
            <source>Attention</source>
            <translation>Внимание</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>Эксперты</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>Токены</translation>
        </message>
        <message>
            <source>Logit lens</source>
            <translation>Логит-линза</translation>
        </message>
        <message>
            <source>KV cache</source>
            <translation>KV-кэш</translation>
        </message>
        <message>
            <source>&amp;Layer</source>
            <translation>&amp;Слой</translation>
        </message>
        <message>
            <source>&amp;Head</source>
            <translation>&amp;Голова</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>Шкала</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>Масштаб</translation>
        </message>
        <message>
            <source>Linear</source>
            <translation>Линейная</translation>
        </message>
        <message>
            <source>Square root</source>
            <translation>Квадратный корень</translation>
        </message>
        <message>
            <source>Attention weight</source>
            <translation>Вес внимания</translation>
        </message>
        <message>
            <source>Expert load per layer</source>
            <translation>Загрузка экспертов по слоям</translation>
        </message>
        <message>
            <source>&amp;Colour by</source>
            <translation>&amp;Цвет по</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>Вероятность</translation>
        </message>
        <message>
            <source>Entropy</source>
            <translation>Энтропия</translation>
        </message>
        <message>
            <source>Entropy (nats)</source>
            <translation>Энтропия (наты)</translation>
        </message>
        <message>
            <source>What %1 (position %2) attended to in every layer (%3):</source>
            <translation>На что %1 (позиция %2) обращал внимание в каждом слое (%3):</translation>
        </message>
        <message>
            <source>head %1 where it was kept, else the mean</source>
            <translation>голова %1, где сохранена, иначе среднее</translation>
        </message>
        <message>
            <source>maximum over heads</source>
            <translation>максимум по головам</translation>
        </message>
        <message>
            <source>mean over heads</source>
            <translation>среднее по головам</translation>
        </message>
        <message>
            <source>What the selected token attended to in every layer:</source>
            <translation>На что выбранный токен обращал внимание в каждом слое:</translation>
        </message>
        <message>
            <source>Top token's probability</source>
            <translation>Вероятность лучшего токена</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>Изображения PNG (*.png)</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>Файлы CSV (*.csv)</translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation>Файлы JSON (*.json)</translation>
        </message>
        <message>
            <source>Export the %1 view</source>
            <translation>Экспортировать вид «%1»</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Сохранено: %1</translation>
        </message>
        <message>
            <source>Could not save %1</source>
            <translation>Не удалось сохранить %1</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::KvCacheView</name>
        <message>
            <source>Per token</source>
            <translation>На токен</translation>
        </message>
        <message>
            <source>In use now</source>
            <translation>Используется сейчас</translation>
        </message>
        <message>
            <source>%1 tokens</source>
            <translation>%1 токенов</translation>
        </message>
        <message>
            <source>2 (K and V) × %1 layers × %2 KV heads × %3 dims × %4 B = %5 B per token</source>
            <translation>2 (K и V) × %1 слоёв × %2 KV-голов × %3 измерений × %4 Б = %5 Б на токен</translation>
        </message>
        <message>
            <source>Multi-head attention would keep one K and V per query head: %1× this model's cache.</source>
            <translation>Многоголовое внимание хранило бы по K и V на каждую голову запроса: %1× кэша этой модели.</translation>
        </message>
        <message>
            <source>This model already keeps one K and V per query head (multi-head attention).</source>
            <translation>Эта модель уже хранит по K и V на каждую голову запроса (многоголовое внимание).</translation>
        </message>
        <message>
            <source>Grey rows are longer than the context this model runs with (%1 tokens).</source>
            <translation>Серые строки длиннее контекста, с которым работает модель (%1 токенов).</translation>
        </message>
        <message>
            <source>Load a model to see what its KV cache needs.</source>
            <translation>Загрузите модель, чтобы увидеть, сколько нужно её KV-кэшу.</translation>
        </message>
        <message>
            <source>KV cache of %1</source>
            <translation>KV-кэш для %1</translation>
        </message>
        <message>
            <source>this model</source>
            <translation>эта модель</translation>
        </message>
        <message>
            <source>This model (GQA): KV heads %1</source>
            <translation>Эта модель (GQA): KV-голов %1</translation>
        </message>
        <message>
            <source>This model (MHA): KV heads %1</source>
            <translation>Эта модель (MHA): KV-голов %1</translation>
        </message>
        <message>
            <source>Multi-head: KV heads %1</source>
            <translation>Многоголовое: KV-голов %1</translation>
        </message>
        <message>
            <source>This conversation: %1 of %2 tokens of context, %3 of %4 allocated.</source>
            <translation>Этот разговор: %1 из %2 токенов контекста, %3 из %4 выделено.</translation>
        </message>
        <message>
            <source>Tokens in this conversation: %1.</source>
            <translation>Токенов в этом разговоре: %1.</translation>
        </message>
        <message>
            <source>%1 bytes</source>
            <translation>%1 байт</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::LogitLensView</name>
        <message>
            <source>Layer %1 (output)</source>
            <translation>Слой %1 (выход)</translation>
        </message>
        <message>
            <source>Layer %1</source>
            <translation>Слой %1</translation>
        </message>
        <message>
            <source>Input token →</source>
            <translation>Входной токен →</translation>
        </message>
        <message>
            <source>Layer ↓</source>
            <translation>Слой ↓</translation>
        </message>
        <message>
            <source>After layer %1 at position %2 (input %3):</source>
            <translation>После слоя %1 на позиции %2 (вход %3):</translation>
        </message>
        <message>
            <source>The text continues with %1</source>
            <translation>Текст продолжается так: %1</translation>
        </message>
        <message>
            <source>Send a message: the top token after each layer appears here.</source>
            <translation>Отправьте сообщение: здесь появится лучший токен после каждого слоя.</translation>
        </message>
        <message>
            <source>The logit lens was not computed for this reply. It is computed while the inspector is open (for large models only while this tab is shown, since it costs one output-head product per layer and token). Regenerate the reply to see it.</source>
            <translation>Логит-линза для этого ответа не вычислялась. Она вычисляется, пока инспектор открыт (для больших моделей — только пока открыта эта вкладка, так как стоит одного умножения на выходную голову на слой и токен). Сгенерируйте ответ заново, чтобы увидеть её.</translation>
        </message>
        <message>
            <source>Waiting for the first evaluated token…</source>
            <translation>Ожидание первого вычисленного токена…</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::RoutingGridView</name>
        <message>
            <source>L%1</source>
            <translation>С%1</translation>
        </message>
        <message>
            <source>Layer →</source>
            <translation>Слой →</translation>
        </message>
        <message>
            <source>Token ↓</source>
            <translation>Токен ↓</translation>
        </message>
        <message>
            <source>Layer %1, token %2 (position %3)</source>
            <translation>Слой %1, токен %2 (позиция %3)</translation>
        </message>
        <message>
            <source>E%1 %2 %</source>
            <translation>Э%1 %2 %</translation>
        </message>
        <message>
            <source>Chosen: %1</source>
            <translation>Выбраны: %1</translation>
        </message>
        <message>
            <source>Router (softmax over all %1 experts):</source>
            <translation>Маршрутизатор (softmax по всем %1 экспертам):</translation>
        </message>
        <message>
            <source>Send a message: the experts each token is routed to appear here while the reply is written.</source>
            <translation>Отправьте сообщение: здесь появятся эксперты, к которым направлен каждый токен, пока пишется ответ.</translation>
        </message>
        <message>
            <source>This model is dense: every token goes through the same feed-forward network in every layer. It has no experts, so there is no routing to show.</source>
            <translation>Это плотная модель: каждый токен проходит через одну и ту же сеть прямого распространения в каждом слое. Экспертов нет, поэтому маршрутизацию показать нельзя.</translation>
        </message>
        <message>
            <source>Routing was not recorded for this reply.</source>
            <translation>Маршрутизация для этого ответа не записана.</translation>
        </message>
        <message>
            <source>Waiting for the first evaluated token…</source>
            <translation>Ожидание первого вычисленного токена…</translation>
        </message>
        <message>
            <source>Shared experts (always on): %1</source>
            <translation>Общие эксперты (всегда включены): %1</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::TokenDetails</name>
        <message>
            <source>Alternative</source>
            <translation>Альтернатива</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>Вероятность</translation>
        </message>
        <message>
            <source>Position %1 is part of the prompt: it has no alternatives.</source>
            <translation>Позиция %1 — часть запроса: альтернатив нет.</translation>
        </message>
        <message>
            <source>Click a token of the reply to see the alternatives the model weighed.</source>
            <translation>Щёлкните токен ответа, чтобы увидеть альтернативы, которые взвешивала модель.</translation>
        </message>
        <message>
            <source>Token %1 %2: probability %3, entropy %4 nats</source>
            <translation>Токен %1 %2: вероятность %3, энтропия %4 нат</translation>
        </message>
        <message>
            <source>(chosen)</source>
            <translation>(выбран)</translation>
        </message>
        <message>
            <source>Branch from an alternative</source>
            <translation>Ветвь от альтернативы</translation>
        </message>
        <message>
            <source>Choose an alternative in the list first.</source>
            <translation>Сначала выберите альтернативу в списке.</translation>
        </message>
        <message>
            <source>Branch from here with %1</source>
            <translation>Ветвь отсюда с %1</translation>
        </message>
        <message>
            <source>Wait until the reply is finished.</source>
            <translation>Дождитесь окончания ответа.</translation>
        </message>
        <message>
            <source>This is the token the model chose.</source>
            <translation>Это токен, который выбрала модель.</translation>
        </message>
        <message>
            <source>This token is part of a character; branch from a whole character.</source>
            <translation>Этот токен — часть символа; создавайте ветвь от целого символа.</translation>
        </message>
        <message>
            <source>Write a new version of the reply that keeps the text before this token, takes this alternative, and lets the model continue from there.</source>
            <translation>Написать новую версию ответа: текст до этого токена сохраняется, берётся эта альтернатива, и модель продолжает оттуда.</translation>
        </message>
        <message>
            <source>a byte of a longer character</source>
            <translation>байт более длинного символа</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::TokenLayersView</name>
        <message>
            <source>Layer %1</source>
            <translation>Слой %1</translation>
        </message>
        <message>
            <source>mean over heads</source>
            <translation>среднее по головам</translation>
        </message>
        <message>
            <source>maximum over heads</source>
            <translation>максимум по головам</translation>
        </message>
        <message>
            <source>head %1</source>
            <translation>голова %1</translation>
        </message>
        <message>
            <source>Layer %1, %2
%3 (position %4) → %5 (position %6)
Weight %7 (%8)</source>
            <translation>Слой %1, %2
%3 (позиция %4) → %5 (позиция %6)
Вес %7 (%8)</translation>
        </message>
        <message>
            <source>No attention was recorded for this reply.</source>
            <translation>Для этого ответа внимание не записано.</translation>
        </message>
        <message>
            <source>Click a token to see what it attended to in every layer.</source>
            <translation>Щёлкните токен, чтобы увидеть, на что он обращал внимание в каждом слое.</translation>
        </message>
        <message>
            <source>Position %1 was not evaluated in this reply (it came from the cache of an earlier turn, or it is the last token, which is never fed back).</source>
            <translation>Позиция %1 не вычислялась в этом ответе (она взята из кэша предыдущей реплики или это последний токен, который обратно не подаётся).</translation>
        </message>
        <message>
            <source>Key →</source>
            <translation>Ключ →</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::TokenView</name>
        <message>
            <source>Token %1 %2 (position %3)</source>
            <translation>Токен %1 %2 (позиция %3)</translation>
        </message>
        <message>
            <source>Probability %1 (after sampling %2), rank %3</source>
            <translation>Вероятность %1 (после сэмплирования %2), ранг %3</translation>
        </message>
        <message>
            <source>Entropy of the distribution: %1 nats</source>
            <translation>Энтропия распределения: %1 нат</translation>
        </message>
        <message>
            <source>Top: %1</source>
            <translation>Лучшие: %1</translation>
        </message>
        <message>
            <source>Send a message: the reply's tokens appear here, coloured by how likely the model found each one.</source>
            <translation>Отправьте сообщение: здесь появятся токены ответа, окрашенные по тому, насколько вероятными их сочла модель.</translation>
        </message>
        <message>
            <source>This reply has no token statistics.</source>
            <translation>У этого ответа нет статистики токенов.</translation>
        </message>
        <message>
            <source>Waiting for the first token…</source>
            <translation>Ожидание первого токена…</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Chat with local language models and see inside them.</source>
            <translation>Общайтесь с локальными языковыми моделями и заглядывайте внутрь них.</translation>
        </message>
        <message>
            <source>Open this GGUF model file.</source>
            <translation>Открыть этот файл модели GGUF.</translation>
        </message>
        <message>
            <source>Keep the chat history in this SQLite file.</source>
            <translation>Хранить историю чатов в этом файле SQLite.</translation>
        </message>
        <message>
            <source>Send this message once the model is loaded.</source>
            <translation>Отправить это сообщение, когда модель загрузится.</translation>
        </message>
        <message>
            <source>Open the inspector on this view: attention, routing, tokens, lens or kv.</source>
            <translation>Открыть инспектор на этом виде: attention, routing, tokens, lens или kv.</translation>
        </message>
        <message>
            <source>Save a picture of the window here once the reply is written.</source>
            <translation>Сохранить снимок окна сюда, когда ответ будет написан.</translation>
        </message>
        <message>
            <source>Quit once the reply is written (and the picture saved).</source>
            <translation>Выйти, когда ответ будет написан (и снимок сохранён).</translation>
        </message>
    </context>
</TS>
