<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Dialogs</name>
        <message>
            <source>Open a model</source>
            <translation>打开模型</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf);;All files (*)</source>
            <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>EngineWorker</name>
        <message>
            <source>Loading was cancelled.</source>
            <translation>已取消加载。</translation>
        </message>
        <message>
            <source>Could not load “%1”: %2</source>
            <translation>无法加载“%1”：%2</translation>
        </message>
        <message>
            <source>Not enough memory to load “%1”.</source>
            <translation>内存不足，无法加载“%1”。</translation>
        </message>
        <message>
            <source>No model is loaded. Open a GGUF model file first.</source>
            <translation>尚未加载模型。请先打开一个 GGUF 模型文件。</translation>
        </message>
        <message>
            <source>This message alone is longer than the model's context of %1 tokens.</source>
            <translation>仅这一条消息就超过了模型 %1 个词元的上下文。</translation>
        </message>
        <message>
            <source>Not enough memory for this conversation's context.</source>
            <translation>内存不足，无法容纳此对话的上下文。</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <source>%1 B</source>
            <translation>%1 B</translation>
        </message>
        <message>
            <source>%1 M</source>
            <translation>%1 M</translation>
        </message>
        <message>
            <source>%1 K</source>
            <translation>%1 K</translation>
        </message>
        <message>
            <source>%1 tok/s</source>
            <translation>%1 词元/秒</translation>
        </message>
        <message>
            <source>cut off at the token limit</source>
            <translation>已达词元上限而截断</translation>
        </message>
        <message>
            <source>cut off: the context is full</source>
            <translation>已截断：上下文已满</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>reading the prompt…</source>
            <translation>正在读取提示…</translation>
        </message>
        <message>
            <source>prompt %1</source>
            <translation>提示 %1</translation>
        </message>
        <message>
            <source>first token after %1 s</source>
            <translation>首个词元用时 %1 秒</translation>
        </message>
        <message numerus="yes">
            <source>%n token(s)</source>
            <translation>
                <numerusform>%n 个词元</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ModelProbe</name>
        <message>
            <source>The file “%1” does not exist.</source>
            <translation>文件“%1”不存在。</translation>
        </message>
        <message>
            <source>“%1” is not a GGUF model file: %2</source>
            <translation>“%1”不是 GGUF 模型文件：%2</translation>
        </message>
        <message>
            <source>Glassbox cannot run “%1”: %2</source>
            <translation>Glassbox 无法运行“%1”：%2</translation>
        </message>
        <message>
            <source>“%1” needs %2 of memory but only %3 are available. Close other programs or choose a smaller (more quantized) model.</source>
            <translation>“%1”需要 %2 内存，但只有 %3 可用。请关闭其他程序，或选择更小（量化程度更高）的模型。</translation>
        </message>
    </context>
    <context>
        <name>PromptLab</name>
        <message>
            <source>System</source>
            <translation>系统</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Markup</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>&amp;Prompt Lab…</source>
            <translation>提示实验室(&amp;P)…</translation>
        </message>
        <message>
            <source>Compare prompt templates side by side and score them on a table of inputs</source>
            <translation>并排比较提示模板，并在输入表上为其打分</translation>
        </message>
    </context>
    <context>
        <name>SamplingPreset</name>
        <message>
            <source>Balanced</source>
            <translation>均衡</translation>
        </message>
        <message>
            <source>Precise</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>Creative</source>
            <translation>创意</translation>
        </message>
        <message>
            <source>Deterministic (greedy)</source>
            <translation>确定性（贪心）</translation>
        </message>
        <message>
            <source>Beam search (4 beams)</source>
            <translation>束搜索（4 束）</translation>
        </message>
        <message>
            <source>Contrastive search</source>
            <translation>对比搜索</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::Banner</name>
        <message>
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ChatController</name>
        <message numerus="yes">
            <source>%n oldest message(s) no longer fit in the context and were left out.</source>
            <translation>
                <numerusform>最早的 %n 条消息已超出上下文，未被纳入。</numerusform>
            </translation>
        </message>
        <message>
            <source>No model is loaded yet. Open a GGUF model file in the model panel.</source>
            <translation>尚未加载模型。请在模型面板中打开一个 GGUF 模型文件。</translation>
        </message>
        <message>
            <source>A conversation in the background no longer fits in the model's context; its reply was not written.</source>
            <translation>后台的一个对话已超出模型的上下文，回复未能生成。</translation>
        </message>
        <message>
            <source>The conversation no longer fits in the model's context; it goes on in a new chat.</source>
            <translation>对话已超出模型的上下文，将在新对话中继续。</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ChatView</name>
        <message>
            <source>You</source>
            <translation>你</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>助手</translation>
        </message>
        <message>
            <source>Start a conversation</source>
            <translation>开始对话</translation>
        </message>
        <message>
            <source>Type a message below and press Return. The demo model continues text in English, Russian and Chinese; try one of these:</source>
            <translation>在下方输入消息并按回车。演示模型会续写英文、俄文和中文文本；试试这些：</translation>
        </message>
        <message>
            <source>Send this example</source>
            <translation>发送此示例</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>对话</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::CodeBlockWidget</name>
        <message>
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
        <message>
            <source>code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy the code to the clipboard</source>
            <translation>将代码复制到剪贴板</translation>
        </message>
        <message>
            <source>Copy code</source>
            <translation>复制代码</translation>
        </message>
        <message>
            <source>Code block</source>
            <translation>代码块</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::Composer</name>
        <message>
            <source>Write a message… (Return sends, Shift+Return starts a new line)</source>
            <translation>输入消息…（回车发送，Shift+回车换行）</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>发送</translation>
        </message>
        <message>
            <source>Send the message (Return)</source>
            <translation>发送消息（回车）</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Stop the reply (Esc)</source>
            <translation>停止回复（Esc）</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ConversationSidebar</name>
        <message>
            <source>Pinned</source>
            <translation>已置顶</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Yesterday</source>
            <translation>昨天</translation>
        </message>
        <message>
            <source>Previous 7 days</source>
            <translation>过去 7 天</translation>
        </message>
        <message>
            <source>Previous 30 days</source>
            <translation>过去 30 天</translation>
        </message>
        <message>
            <source>Older</source>
            <translation>更早</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source>Unpin</source>
            <translation>取消置顶</translation>
        </message>
        <message>
            <source>Pin</source>
            <translation>置顶</translation>
        </message>
        <message>
            <source>New chat</source>
            <translation>新建对话</translation>
        </message>
        <message>
            <source>Start a new conversation (Ctrl+N)</source>
            <translation>开始新对话（Ctrl+N）</translation>
        </message>
        <message>
            <source>Search all conversations (Ctrl+F)</source>
            <translation>搜索所有对话（Ctrl+F）</translation>
        </message>
        <message>
            <source>Search conversations</source>
            <translation>搜索对话</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>对话</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <source>No message matches.</source>
            <translation>没有匹配的消息。</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <source>Pin / unpin</source>
            <translation>置顶 / 取消置顶</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabBatchPanel</name>
        <message>
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>期望答案</translation>
        </message>
        <message>
            <source>Output:
%1

log-prob %2 · %3 tokens · %4</source>
            <translation>输出：
%1

对数概率 %2 · %3 个词元 · %4</translation>
        </message>
        <message>
            <source>Inputs and expected answers (type them in, import a CSV, or load a built-in set)</source>
            <translation>输入和期望答案（手动输入、导入 CSV 或加载内置数据集）</translation>
        </message>
        <message>
            <source>Load</source>
            <translation>加载</translation>
        </message>
        <message>
            <source>Built-in word problems with hand-checked answers</source>
            <translation>内置应用题，答案经人工核对</translation>
        </message>
        <message>
            <source>Add row</source>
            <translation>添加行</translation>
        </message>
        <message>
            <source>Remove row</source>
            <translation>删除行</translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>导入 CSV…</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>温度</translation>
        </message>
        <message>
            <source>greedy</source>
            <translation>贪心</translation>
        </message>
        <message>
            <source>Max tokens</source>
            <translation>最大词元数</translation>
        </message>
        <message>
            <source>Run batch</source>
            <translation>运行批量</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Check the templates to compare in the library on the left.</source>
            <translation>请在左侧库中勾选要比较的模板。</translation>
        </message>
        <message>
            <source>Templates: %1</source>
            <translation>模板：%1</translation>
        </message>
        <message>
            <source>Scores (answers compared with case and spacing ignored)</source>
            <translation>得分（比较答案时忽略大小写和空白）</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>Exact</source>
            <translation>完全一致</translation>
        </message>
        <message>
            <source>Contains</source>
            <translation>包含</translation>
        </message>
        <message>
            <source>n</source>
            <translation>n</translation>
        </message>
        <message>
            <source>Mean log-prob</source>
            <translation>平均对数概率</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>(nothing)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>%1 · %2 failed</source>
            <translation>%1 · %2 个失败</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabComparePanel</name>
        <message>
            <source>greedy</source>
            <translation>贪心</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>All columns produced the same tokens.</source>
            <translation>所有列生成的词元都相同。</translation>
        </message>
        <message>
            <source>The columns part at token %1 (marked ▌ in each column).</source>
            <translation>各列在第 %1 个词元处分叉（每列中以 ▌ 标出）。</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>One input, run through every column</source>
            <translation>同一个输入，在每一列中运行</translation>
        </message>
        <message>
            <source>Seed (same for every column)</source>
            <translation>种子（所有列相同）</translation>
        </message>
        <message>
            <source>Max tokens</source>
            <translation>最大词元数</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>温度</translation>
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
            <translation>添加列</translation>
        </message>
        <message>
            <source>Remove column</source>
            <translation>删除列</translation>
        </message>
        <message>
            <source>Use checked templates</source>
            <translation>使用勾选的模板</translation>
        </message>
        <message>
            <source>One greedy column for each template checked in the library (up to four)</source>
            <translation>为库中勾选的每个模板各建一个贪心列（最多四个）</translation>
        </message>
        <message>
            <source>Run side by side</source>
            <translation>并排运行</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabPromptPreview</name>
        <message>
            <source>Token borders are estimated: the tokens do not spell the text exactly.</source>
            <translation>词元边界为估计值：词元与文本并不完全对应。</translation>
        </message>
        <message numerus="yes">
            <source> &amp;nbsp;= &lt;b&gt;%n&lt;/b&gt; tokens</source>
            <translation>
                <numerusform> &amp;nbsp;= &lt;b&gt;%n&lt;/b&gt; 个词元</numerusform>
            </translation>
        </message>
        <message>
            <source> &amp;nbsp;(load a model to count tokens)</source>
            <translation> &amp;nbsp;（加载模型以统计词元）</translation>
        </message>
        <message>
            <source>token %1 · id %2 · %3</source>
            <translation>词元 %1 · id %2 · %3</translation>
        </message>
        <message>
            <source>Input ({{question}})</source>
            <translation>输入（{{question}}）</translation>
        </message>
        <message>
            <source>Prompt format</source>
            <translation>提示格式</translation>
        </message>
        <message>
            <source>The question or text to run the templates on</source>
            <translation>用于运行模板的问题或文本</translation>
        </message>
        <message>
            <source>Plain text</source>
            <translation>纯文本</translation>
        </message>
        <message>
            <source>Wrap in the model's chat template</source>
            <translation>套用模型的对话模板</translation>
        </message>
        <message>
            <source>Wrap in the model's chat template (this model has none)</source>
            <translation>套用模型的对话模板（此模型没有）</translation>
        </message>
        <message>
            <source>Chat template, examples as earlier turns</source>
            <translation>对话模板，示例作为先前轮次</translation>
        </message>
        <message>
            <source>Chat template, examples as earlier turns (this model has none)</source>
            <translation>对话模板，示例作为先前轮次（此模型没有）</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabResultColumn</name>
        <message>
            <source>log-prob &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>对数概率 &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message numerus="yes">
            <source>%n tokens</source>
            <translation>
                <numerusform>%n 个词元</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>prompt %n tokens</source>
            <translation>
                <numerusform>提示 %n 个词元</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;span style="color:#1b5e20;"&gt;✔ exact&lt;/span&gt;</source>
            <translation>&lt;span style="color:#1b5e20;"&gt;✔ 完全一致&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;span style="color:#7a5200;"&gt;≈ contains&lt;/span&gt;</source>
            <translation>&lt;span style="color:#7a5200;"&gt;≈ 包含&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;span style="color:#b00020;"&gt;✘ wrong&lt;/span&gt;</source>
            <translation>&lt;span style="color:#b00020;"&gt;✘ 错误&lt;/span&gt;</translation>
        </message>
        <message>
            <source>running…</source>
            <translation>运行中…</translation>
        </message>
        <message>
            <source>Columns part at token %1</source>
            <translation>各列在第 %1 个词元处分叉</translation>
        </message>
        <message>
            <source>The columns part here: token %1 differs</source>
            <translation>各列在此分叉：第 %1 个词元不同</translation>
        </message>
        <message>
            <source>token %1 · id %2
log p = %3 (p = %4)
alternatives: %5</source>
            <translation>词元 %1 · id %2
log p = %3（p = %4）
备选：%5</translation>
        </message>
        <message>
            <source>(no tokens: the model ended at once)</source>
            <translation>（没有词元：模型立即结束了）</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabRunsPanel</name>
        <message>
            <source>batch</source>
            <translation>批量</translation>
        </message>
        <message>
            <source>side by side</source>
            <translation>并排</translation>
        </message>
        <message>
            <source>Every run is saved with what reproduces it: the model file and its hash, the template texts, the seed and the sampler settings.</source>
            <translation>每次运行都会连同重现所需的信息一起保存：模型文件及其哈希、模板文本、种子和采样器设置。</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>模式</translation>
        </message>
        <message>
            <source>Templates</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Re-run exactly</source>
            <translation>精确重跑</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabTemplateEditor</name>
        <message>
            <source>Variables: {{question}} is the input, {{examples}} the examples.</source>
            <translation>变量：{{question}} 为输入，{{examples}} 为示例。</translation>
        </message>
        <message>
            <source>Variables of this template: %1 (fill them in beside the preview).</source>
            <translation>此模板的变量：%1（请在预览旁填写）。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Language, kind</source>
            <translation>语言、类型</translation>
        </message>
        <message>
            <source>System</source>
            <translation>系统</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>提示</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>Example format</source>
            <translation>示例格式</translation>
        </message>
        <message>
            <source>Between examples</source>
            <translation>示例之间</translation>
        </message>
        <message>
            <source>Answer after</source>
            <translation>答案前缀</translation>
        </message>
        <message>
            <source>Stop at</source>
            <translation>停止于</translation>
        </message>
        <message>
            <source>Zero-shot</source>
            <translation>零样本</translation>
        </message>
        <message>
            <source>Few-shot</source>
            <translation>少样本</translation>
        </message>
        <message>
            <source>Chain of thought</source>
            <translation>思维链</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Add example</source>
            <translation>添加示例</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>还原</translation>
        </message>
        <message>
            <source>A built-in template: read-only. Duplicate it to make your own version.</source>
            <translation>内置模板：只读。复制后可制作自己的版本。</translation>
        </message>
        <message>
            <source>Optional: the system message (in chat mode), or the first paragraph</source>
            <translation>可选：系统消息（对话模式下）或第一段</translation>
        </message>
        <message>
            <source>The prompt, with {{question}}, {{examples}} and variables of your own</source>
            <translation>提示，可含 {{question}}、{{examples}} 和自定义变量</translation>
        </message>
        <message>
            <source>How one example is written: {{input}} and {{output}}</source>
            <translation>单个示例的写法：{{input}} 和 {{output}}</translation>
        </message>
        <message>
            <source>e.g. Answer: (empty: the first line is the answer)</source>
            <translation>例如 Answer:（留空：第一行即答案）</translation>
        </message>
        <message>
            <source>e.g. \n\n, Question:</source>
            <translation>例如 \n\n, Question:</translation>
        </message>
        <message>
            <source>Generation stops at any of these. Separate them with commas; \n is a line break.</source>
            <translation>生成遇到其中任意一项即停止。用逗号分隔；\n 表示换行。</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabTemplateList</name>
        <message>
            <source>My templates</source>
            <translation>我的模板</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>A new empty template of your own</source>
            <translation>新建一个空白的自定义模板</translation>
        </message>
        <message>
            <source>Copy the selected template to edit it</source>
            <translation>复制所选模板以便编辑</translation>
        </message>
        <message>
            <source>Add the templates of a JSON file</source>
            <translation>添加 JSON 文件中的模板</translation>
        </message>
        <message>
            <source>Save the checked templates (or the selected one) as JSON</source>
            <translation>将勾选的模板（或所选模板）保存为 JSON</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::MainWindow</name>
        <message>
            <source>No model is loaded and the demo model was not found. Open a GGUF model file to start.</source>
            <translation>未加载模型，也找不到演示模型。请打开一个 GGUF 模型文件开始使用。</translation>
        </message>
        <message>
            <source>Loaded %1</source>
            <translation>已加载 %1</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1（副本）</translation>
        </message>
        <message>
            <source>About Glassbox</source>
            <translation>关于 Glassbox</translation>
        </message>
        <message>
            <source>&lt;b&gt;Glassbox %1&lt;/b&gt;&lt;p&gt;Chat with local language models (GGUF) and see inside them.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL version 3 or later.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Glassbox %1&lt;/b&gt;&lt;p&gt;与本地语言模型（GGUF）对话，并观察其内部。&lt;/p&gt;&lt;p&gt;依据 GNU GPL 第 3 版或更高版本授权。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Chat</source>
            <translation>对话(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Open model…</source>
            <translation>打开模型(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;New chat</source>
            <translation>新建对话(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Search conversations</source>
            <translation>搜索对话(&amp;S)</translation>
        </message>
        <message>
            <source>S&amp;top the reply</source>
            <translation>停止回复(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Write a message</source>
            <translation>输入消息(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;About Glassbox</source>
            <translation>关于 Glassbox(&amp;A)</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Sampling</source>
            <translation>采样</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>检查器</translation>
        </message>
        <message>
            <source>Delete conversation</source>
            <translation>删除对话</translation>
        </message>
        <message>
            <source>Delete “%1” and all its messages? This cannot be undone.</source>
            <translation>删除“%1”及其所有消息？此操作无法撤销。</translation>
        </message>
        <message>
            <source>The chat history cannot be used: %1
Chats of this session are kept in memory only.</source>
            <translation>无法使用聊天记录：%1
本次会话的对话仅保存在内存中。</translation>
        </message>
        <message>
            <source>Move it aside and start a new history</source>
            <translation>将其移到一旁并新建记录</translation>
        </message>
        <message>
            <source>This conversation fills %1 of the model's %2 tokens of context. When it is full:</source>
            <translation>此对话已占用模型 %2 个词元上下文中的 %1 个。上下文占满时：</translation>
        </message>
        <message>
            <source>Drop the oldest turns</source>
            <translation>丢弃最早的轮次</translation>
        </message>
        <message>
            <source>Start a new chat</source>
            <translation>开始新对话</translation>
        </message>
        <message>
            <source>The conversation no longer fits: it needs %1 tokens but the model's context holds %2. Choose how to go on:</source>
            <translation>对话已放不下：需要 %1 个词元，而模型上下文只能容纳 %2 个。请选择如何继续：</translation>
        </message>
        <message>
            <source>Drop the oldest turns and reply</source>
            <translation>丢弃最早的轮次并回复</translation>
        </message>
        <message>
            <source>Continue in a new chat</source>
            <translation>在新对话中继续</translation>
        </message>
        <message>
            <source>This conversation (%1 tokens) is longer than the model's context of %2 tokens. For the next reply:</source>
            <translation>此对话（%1 个词元）已超过模型 %2 个词元的上下文。对于下一条回复：</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::MemoryChatStore</name>
        <message>
            <source>Conversation %1 no longer exists.</source>
            <translation>对话 %1 已不存在。</translation>
        </message>
        <message>
            <source>The conversation no longer exists.</source>
            <translation>该对话已不存在。</translation>
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
            <translation>（无文本）</translation>
        </message>
        <message>
            <source>Edit message</source>
            <translation>编辑消息</translation>
        </message>
        <message>
            <source>Save &amp;&amp; send</source>
            <translation>保存并发送</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Previous version</source>
            <translation>上一个版本</translation>
        </message>
        <message>
            <source>Next version</source>
            <translation>下一个版本</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy the message to the clipboard</source>
            <translation>将消息复制到剪贴板</translation>
        </message>
        <message>
            <source>Copy message</source>
            <translation>复制消息</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <source>Edit this message and send it again as a new version</source>
            <translation>编辑此消息并作为新版本重新发送</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>重新生成</translation>
        </message>
        <message>
            <source>Write another version of this reply</source>
            <translation>生成此回复的另一个版本</translation>
        </message>
        <message>
            <source>Regenerate reply</source>
            <translation>重新生成回复</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>Continue this reply where it stopped</source>
            <translation>从中断处继续此回复</translation>
        </message>
        <message>
            <source>Continue reply</source>
            <translation>继续回复</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ModelPanel</name>
        <message>
            <source>%1 tokens (trained with %2)</source>
            <translation>%1 个词元（训练时为 %2）</translation>
        </message>
        <message>
            <source>%1 layers, width %2, %3 heads (%4 KV)</source>
            <translation>%1 层，宽度 %2，%3 个头（%4 个 KV）</translation>
        </message>
        <message>
            <source>%1 experts, %2 per token</source>
            <translation>%1 个专家，每个词元 %2 个</translation>
        </message>
        <message>
            <source>none (dense)</source>
            <translation>无（稠密）</translation>
        </message>
        <message>
            <source>%1 (weights %2 + context %3)</source>
            <translation>%1（权重 %2 + 上下文 %3）</translation>
        </message>
        <message>
            <source>chat template (%1)</source>
            <translation>对话模板（%1）</translation>
        </message>
        <message>
            <source>plain text: the model continues what you write</source>
            <translation>纯文本：模型会续写你输入的内容</translation>
        </message>
        <message>
            <source>Open model…</source>
            <translation>打开模型…</translation>
        </message>
        <message>
            <source>Open a GGUF model file (or drop one on the window)</source>
            <translation>打开 GGUF 模型文件（或将其拖到窗口上）</translation>
        </message>
        <message>
            <source>Open model</source>
            <translation>打开模型</translation>
        </message>
        <message>
            <source>Loading %1…</source>
            <translation>正在加载 %1…</translation>
        </message>
        <message>
            <source>Loading progress</source>
            <translation>加载进度</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancel loading</source>
            <translation>取消加载</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Architecture:</source>
            <translation>架构：</translation>
        </message>
        <message>
            <source>Parameters:</source>
            <translation>参数量：</translation>
        </message>
        <message>
            <source>Quantization:</source>
            <translation>量化：</translation>
        </message>
        <message>
            <source>Context:</source>
            <translation>上下文：</translation>
        </message>
        <message>
            <source>Shape:</source>
            <translation>结构：</translation>
        </message>
        <message>
            <source>Experts:</source>
            <translation>专家：</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Memory needed:</source>
            <translation>所需内存：</translation>
        </message>
        <message>
            <source>Prompt format:</source>
            <translation>提示格式：</translation>
        </message>
        <message>
            <source>Recent models (double-click to open):</source>
            <translation>最近的模型（双击打开）：</translation>
        </message>
        <message>
            <source>Recent models</source>
            <translation>最近的模型</translation>
        </message>
        <message>
            <source>This conversation</source>
            <translation>当前对话</translation>
        </message>
        <message>
            <source>&amp;System prompt:</source>
            <translation>系统提示(&amp;S)：</translation>
        </message>
        <message>
            <source>Instructions the model sees before the conversation (optional)</source>
            <translation>模型在对话前看到的指示（可选）</translation>
        </message>
        <message>
            <source>System prompt</source>
            <translation>系统提示</translation>
        </message>
        <message>
            <source>When the conversation outgrows the &amp;context:</source>
            <translation>当对话超出上下文时(&amp;C)：</translation>
        </message>
        <message>
            <source>Ask me</source>
            <translation>询问我</translation>
        </message>
        <message>
            <source>Drop the oldest turns (keep the system prompt)</source>
            <translation>丢弃最早的轮次（保留系统提示）</translation>
        </message>
        <message>
            <source>Start a new chat</source>
            <translation>开始新对话</translation>
        </message>
        <message>
            <source>Context policy</source>
            <translation>上下文策略</translation>
        </message>
        <message>
            <source>Loaded model</source>
            <translation>已加载的模型</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::PromptLabWidget</name>
        <message>
            <source>Type an input to run the templates on.</source>
            <translation>请输入用于运行模板的内容。</translation>
        </message>
        <message>
            <source>re-run of #%1</source>
            <translation>重跑 #%1</translation>
        </message>
        <message>
            <source>the model file %1 is gone</source>
            <translation>模型文件 %1 已不存在</translation>
        </message>
        <message>
            <source>Open a model first.</source>
            <translation>请先打开一个模型。</translation>
        </message>
        <message numerus="yes">
            <source>Running %n cell(s)…</source>
            <translation>
                <numerusform>正在运行 %n 个单元格…</numerusform>
            </translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>运行中…</translation>
        </message>
        <message>
            <source>The run could not be saved: %1</source>
            <translation>无法保存此次运行：%1</translation>
        </message>
        <message>
            <source>Saved as run #%1.</source>
            <translation>已保存为运行 #%1。</translation>
        </message>
        <message>
            <source>Stopped before the end. </source>
            <translation>在结束前停止。</translation>
        </message>
        <message numerus="yes">
            <source>Re-run of #%1: identical tokens in all %n cell(s).</source>
            <translation>
                <numerusform>重跑 #%1：全部 %n 个单元格的词元完全相同。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Re-run of #%1: %2 of %n cell(s) differ.</source>
            <translation>
                <numerusform>重跑 #%1：%n 个单元格中有 %2 个不同。</numerusform>
            </translation>
        </message>
        <message>
            <source>Run #%1 of %2, model %3.</source>
            <translation>运行 #%1，时间 %2，模型 %3。</translation>
        </message>
        <message>
            <source>Your own templates and saved runs are not available: %1</source>
            <translation>你的模板和已保存的运行不可用：%1</translation>
        </message>
        <message>
            <source>Saved “%1”.</source>
            <translation>已保存“%1”。</translation>
        </message>
        <message>
            <source>New template</source>
            <translation>新模板</translation>
        </message>
        <message>
            <source>Answer the question.

Question: {{question}}
Answer:</source>
            <translation>回答问题。

问题：{{question}}
答案：</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1（副本）</translation>
        </message>
        <message>
            <source>Delete template</source>
            <translation>删除模板</translation>
        </message>
        <message>
            <source>Delete the template “%1”?</source>
            <translation>删除模板“%1”？</translation>
        </message>
        <message>
            <source>Import prompt templates</source>
            <translation>导入提示模板</translation>
        </message>
        <message>
            <source>Prompt templates (*.json);;All files (*)</source>
            <translation>提示模板 (*.json);;所有文件 (*)</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n template(s) from %1.</source>
            <translation>
                <numerusform>已从 %1 导入 %n 个模板。</numerusform>
            </translation>
        </message>
        <message>
            <source>Export prompt templates</source>
            <translation>导出提示模板</translation>
        </message>
        <message>
            <source>Prompt templates (*.json)</source>
            <translation>提示模板 (*.json)</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n template(s) to %1.</source>
            <translation>
                <numerusform>已将 %n 个模板导出到 %1。</numerusform>
            </translation>
        </message>
        <message>
            <source>Import inputs</source>
            <translation>导入输入</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
        </message>
        <message numerus="yes">
            <source>Read %n input(s) from %1.</source>
            <translation>
                <numerusform>已从 %1 读取 %n 个输入。</numerusform>
            </translation>
        </message>
        <message>
            <source>Export inputs</source>
            <translation>导出输入</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>No model: open one, or load one in the chat window.</source>
            <translation>没有模型：在此打开一个，或在对话窗口中加载。</translation>
        </message>
        <message>
            <source>Loading &lt;b&gt;%1&lt;/b&gt;…</source>
            <translation>正在加载 &lt;b&gt;%1&lt;/b&gt;…</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; could not be loaded: %2</source>
            <translation>无法加载 &lt;b&gt;%1&lt;/b&gt;：%2</translation>
        </message>
        <message>
            <source>Model: &lt;b&gt;%1&lt;/b&gt; · %2</source>
            <translation>模型：&lt;b&gt;%1&lt;/b&gt; · %2</translation>
        </message>
        <message>
            <source>has a chat template</source>
            <translation>有对话模板</translation>
        </message>
        <message>
            <source>no chat template (plain prompts)</source>
            <translation>无对话模板（纯文本提示）</translation>
        </message>
        <message>
            <source>Open model…</source>
            <translation>打开模型…</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>并排</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>批量</translation>
        </message>
        <message>
            <source>Saved runs</source>
            <translation>已保存的运行</translation>
        </message>
        <message>
            <source>Preview: the exact prompt, tokens by part</source>
            <translation>预览：确切的提示，按部分显示词元</translation>
        </message>
        <message>
            <source> · &lt;i&gt;vocabulary only: previews, no runs&lt;/i&gt;</source>
            <translation> · &lt;i&gt;仅词表：可预览，不能运行&lt;/i&gt;</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <source>model's</source>
            <translation>模型自身</translation>
        </message>
        <message>
            <source> tokens</source>
            <translation> 个词元</translation>
        </message>
        <message>
            <source>Tokens of context for the lab's runs (the model's own by default). Long few-shot and chain-of-thought prompts may need more than a small model was trained on.</source>
            <translation>实验室运行使用的上下文词元数（默认为模型自身的值）。较长的少样本和思维链提示可能需要超过小模型训练时的长度。</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::PromptLabWindow</name>
        <message>
            <source>Prompt Lab — Glassbox</source>
            <translation>提示实验室 — Glassbox</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::SamplingPanel</name>
        <message>
            <source>Last reply's seed: %1</source>
            <translation>上次回复的种子：%1</translation>
        </message>
        <message>
            <source>&amp;Preset:</source>
            <translation>预设(&amp;P)：</translation>
        </message>
        <message>
            <source>Sampling preset</source>
            <translation>采样预设</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <source>Sampling</source>
            <translation>采样</translation>
        </message>
        <message>
            <source>Repetition</source>
            <translation>重复</translation>
        </message>
        <message>
            <source>Search strategies</source>
            <translation>搜索策略</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>Temperature:</source>
            <translation>温度：</translation>
        </message>
        <message>
            <source>0 picks the most likely token (greedy); higher is more varied</source>
            <translation>0 表示总选最可能的词元（贪心）；越高越多样</translation>
        </message>
        <message>
            <source>Top-k:</source>
            <translation>Top-k：</translation>
        </message>
        <message>
            <source>Keep only the k most likely tokens (0: off)</source>
            <translation>只保留最可能的 k 个词元（0：关闭）</translation>
        </message>
        <message>
            <source>Top-p:</source>
            <translation>Top-p：</translation>
        </message>
        <message>
            <source>Keep the most likely tokens up to this total probability (1: off)</source>
            <translation>保留最可能的词元，直到累计概率达到此值（1：关闭）</translation>
        </message>
        <message>
            <source>Min-p:</source>
            <translation>Min-p：</translation>
        </message>
        <message>
            <source>Drop tokens less likely than this fraction of the best one (0: off)</source>
            <translation>丢弃概率低于最佳词元此比例的词元（0：关闭）</translation>
        </message>
        <message>
            <source>Max tokens:</source>
            <translation>最大词元数：</translation>
        </message>
        <message>
            <source>The longest reply, in tokens</source>
            <translation>回复的最大长度（词元）</translation>
        </message>
        <message>
            <source>Repeat penalty:</source>
            <translation>重复惩罚：</translation>
        </message>
        <message>
            <source>Make tokens seen recently less likely (1: off)</source>
            <translation>降低最近出现过的词元的概率（1：关闭）</translation>
        </message>
        <message>
            <source>Penalty window:</source>
            <translation>惩罚窗口：</translation>
        </message>
        <message>
            <source>How many recent tokens the penalties look at (-1: all)</source>
            <translation>惩罚考虑的最近词元数（-1：全部）</translation>
        </message>
        <message>
            <source>Presence penalty:</source>
            <translation>存在惩罚：</translation>
        </message>
        <message>
            <source>Subtracted once from every token already present</source>
            <translation>对每个已出现的词元减去一次</translation>
        </message>
        <message>
            <source>Frequency penalty:</source>
            <translation>频率惩罚：</translation>
        </message>
        <message>
            <source>Subtracted per occurrence of a token</source>
            <translation>词元每出现一次减去一次</translation>
        </message>
        <message>
            <source>Beams:</source>
            <translation>束数：</translation>
        </message>
        <message>
            <source>Beam search when more than 1</source>
            <translation>大于 1 时使用束搜索</translation>
        </message>
        <message>
            <source>Length penalty:</source>
            <translation>长度惩罚：</translation>
        </message>
        <message>
            <source>Beam score = log-probability / length^penalty</source>
            <translation>束得分 = 对数概率 / 长度^惩罚</translation>
        </message>
        <message>
            <source>Contrastive k:</source>
            <translation>对比 k：</translation>
        </message>
        <message>
            <source>Contrastive search candidates (0: off)</source>
            <translation>对比搜索的候选数（0：关闭）</translation>
        </message>
        <message>
            <source>Degeneration penalty α:</source>
            <translation>退化惩罚 α：</translation>
        </message>
        <message>
            <source>Contrastive search's weight against repeating itself</source>
            <translation>对比搜索中抑制自我重复的权重</translation>
        </message>
        <message>
            <source>Stop beam search early</source>
            <translation>提前停止束搜索</translation>
        </message>
        <message>
            <source>Token healing</source>
            <translation>词元修复</translation>
        </message>
        <message>
            <source>Re-generate the prompt's last token so a word split at the end can continue</source>
            <translation>重新生成提示的最后一个词元，使末尾被切开的词能够接续</translation>
        </message>
        <message>
            <source>New random seed for each reply</source>
            <translation>每次回复使用新的随机种子</translation>
        </message>
        <message>
            <source>The random seed; the same seed and settings give the same reply</source>
            <translation>随机种子；相同的种子和设置会得到相同的回复</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>种子：</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::StatusPanel</name>
        <message>
            <source>Prompt: %1</source>
            <translation>提示：%1</translation>
        </message>
        <message>
            <source>Prompt: –</source>
            <translation>提示：–</translation>
        </message>
        <message>
            <source>Generation: %1</source>
            <translation>生成：%1</translation>
        </message>
        <message>
            <source>Generation: –</source>
            <translation>生成：–</translation>
        </message>
        <message>
            <source>First token: %1 s</source>
            <translation>首个词元：%1 秒</translation>
        </message>
        <message>
            <source>First token: …</source>
            <translation>首个词元：…</translation>
        </message>
        <message>
            <source>First token: –</source>
            <translation>首个词元：–</translation>
        </message>
        <message>
            <source>Reading the prompt: %1 %</source>
            <translation>正在读取提示：%1%</translation>
        </message>
        <message>
            <source>%1 / %2 tokens</source>
            <translation>%1 / %2 词元</translation>
        </message>
        <message>
            <source>no model</source>
            <translation>无模型</translation>
        </message>
        <message>
            <source>Context used by this conversation: %1 of %2 tokens. When it is full, older turns must be dropped or a new chat started.</source>
            <translation>此对话已用上下文：%1 / %2 个词元。占满后需要丢弃较早的轮次或开始新对话。</translation>
        </message>
        <message>
            <source>Memory: %1</source>
            <translation>内存：%1</translation>
        </message>
        <message>
            <source>Model weights %1, context caches %2; the whole process %3</source>
            <translation>模型权重 %1，上下文缓存 %2；整个进程 %3</translation>
        </message>
        <message>
            <source>Context usage</source>
            <translation>上下文占用</translation>
        </message>
        <message>
            <source>How fast the prompt was read</source>
            <translation>读取提示的速度</translation>
        </message>
        <message>
            <source>How fast the reply was written</source>
            <translation>生成回复的速度</translation>
        </message>
        <message>
            <source>Time from sending to the first token of the reply</source>
            <translation>从发送到回复首个词元的时间</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::AttentionMapView</name>
        <message>
            <source>head %1 (KV head %2)</source>
            <translation>头 %1（KV 头 %2）</translation>
        </message>
        <message>
            <source>head %1</source>
            <translation>头 %1</translation>
        </message>
        <message>
            <source>Position %1 cannot attend to the later position %2.</source>
            <translation>位置 %1 无法关注之后的位置 %2。</translation>
        </message>
        <message>
            <source>Layer %1, %2
Query %3 %4 → key %5 %6
Weight %7 (%8)</source>
            <translation>第 %1 层，%2
查询 %3 %4 → 键 %5 %6
权重 %7（%8）</translation>
        </message>
        <message>
            <source>Send a message: the attention of each layer and head appears here while the reply is written.</source>
            <translation>发送消息：生成回复时，这里会显示每一层、每个头的注意力。</translation>
        </message>
        <message>
            <source>Attention was not recorded for this reply: the inspector was closed while it was written. Keep the inspector open and regenerate the reply to see it.</source>
            <translation>此回复未记录注意力：生成时检查器处于关闭状态。请保持检查器打开并重新生成回复。</translation>
        </message>
        <message>
            <source>The heads of layer %1 were not kept for this reply (this model has %2 layers × %3 heads; only the chosen layer keeps every head). Its mean and maximum were kept; choose layer %1 before the next reply to keep its heads.</source>
            <translation>此回复未保留第 %1 层的各个头（该模型有 %2 层 × %3 个头；只有所选层保留全部头）。已保留其平均值和最大值；请在下一次回复前选择第 %1 层以保留其各个头。</translation>
        </message>
        <message>
            <source>Waiting for the first evaluated token…</source>
            <translation>正在等待第一个计算完成的词元…</translation>
        </message>
        <message>
            <source>Key →</source>
            <translation>键 →</translation>
        </message>
        <message>
            <source>Query ↓</source>
            <translation>查询 ↓</translation>
        </message>
        <message>
            <source>mean over its %1 heads</source>
            <translation>其 %1 个头的平均值</translation>
        </message>
        <message>
            <source>maximum over its %1 heads</source>
            <translation>其 %1 个头的最大值</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::ExpertLoadView</name>
        <message>
            <source>The experts' load per layer appears here.</source>
            <translation>这里会显示各层专家的负载。</translation>
        </message>
        <message>
            <source>This model is dense: it has no experts, so there is no expert load to show.</source>
            <translation>此模型为稠密模型：没有专家，因此没有专家负载可显示。</translation>
        </message>
        <message>
            <source>Routing was not recorded for this reply.</source>
            <translation>此回复未记录路由。</translation>
        </message>
        <message>
            <source>Share of top-%1 choices per layer:</source>
            <translation>各层 top-%1 选择的占比：</translation>
        </message>
        <message>
            <source>this reply</source>
            <translation>此回复</translation>
        </message>
        <message>
            <source>conversation</source>
            <translation>对话</translation>
        </message>
        <message>
            <source>balanced (1/%1)</source>
            <translation>均衡（1/%1）</translation>
        </message>
        <message>
            <source>Layer %1</source>
            <translation>第 %1 层</translation>
        </message>
        <message>
            <source>Layer %1, expert %2
This reply: %3 % of the choices
Conversation: %4 %</source>
            <translation>第 %1 层，专家 %2
此回复：占选择的 %3%
整个对话：%4%</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::HeadGridView</name>
        <message>
            <source>heads %1–%2 → KV head %3</source>
            <translation>头 %1–%2 → KV 头 %3</translation>
        </message>
        <message>
            <source>Grouped-query attention: %1 query heads share %2 KV heads (%3).</source>
            <translation>分组查询注意力：%1 个查询头共享 %2 个 KV 头（%3）。</translation>
        </message>
        <message>
            <source>Layer %1, head %2</source>
            <translation>第 %1 层，头 %2</translation>
        </message>
        <message>
            <source>Reads KV head %1</source>
            <translation>读取 KV 头 %1</translation>
        </message>
        <message>
            <source>Not kept for this reply</source>
            <translation>此回复未保留</translation>
        </message>
        <message>
            <source>Click to show it in the attention map</source>
            <translation>点击以在注意力图中显示</translation>
        </message>
        <message>
            <source>No attention was recorded for this reply.</source>
            <translation>此回复未记录注意力。</translation>
        </message>
        <message>
            <source>The heads of the chosen layer appear here.</source>
            <translation>这里会显示所选层的各个头。</translation>
        </message>
        <message>
            <source>H%1</source>
            <translation>头%1</translation>
        </message>
        <message>
            <source>KV%1</source>
            <translation>KV%1</translation>
        </message>
        <message>
            <source>not kept</source>
            <translation>未保留</translation>
        </message>
        <message>
            <source>Layer %1, every head (click one to show it above):</source>
            <translation>第 %1 层的所有头（点击某个头在上方显示）：</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::InspectorPanel</name>
        <message>
            <source>This message has no reply yet: its tokens are inspected with the reply that follows it.</source>
            <translation>此消息还没有回复：它的词元随其后的回复一起检查。</translation>
        </message>
        <message>
            <source>Reply %1 (being written)</source>
            <translation>回复 %1（生成中）</translation>
        </message>
        <message>
            <source>Reply %1: %2</source>
            <translation>回复 %1：%2</translation>
        </message>
        <message>
            <source>Layer %1</source>
            <translation>第 %1 层</translation>
        </message>
        <message>
            <source>Mean over heads</source>
            <translation>各头平均值</translation>
        </message>
        <message>
            <source>Maximum over heads</source>
            <translation>各头最大值</translation>
        </message>
        <message>
            <source>Head %1 (KV %2)</source>
            <translation>头 %1（KV %2）</translation>
        </message>
        <message>
            <source>Head %1</source>
            <translation>头 %1</translation>
        </message>
        <message>
            <source>Experts:</source>
            <translation>专家：</translation>
        </message>
        <message>
            <source>No reply to inspect yet.</source>
            <translation>还没有可检查的回复。</translation>
        </message>
        <message>
            <source>Reading this reply's inspection from the history…</source>
            <translation>正在从历史记录读取此回复的检查数据…</translation>
        </message>
        <message>
            <source>Reading the prompt…</source>
            <translation>正在读取提示…</translation>
        </message>
        <message>
            <source>Nothing was recorded for this reply (it was written before the inspector kept it, or the history could not store it).</source>
            <translation>此回复没有任何记录（它在检查器开始保存之前生成，或者历史记录无法保存）。</translation>
        </message>
        <message>
            <source>%1 prompt tokens, %2 generated; %3 positions evaluated for this reply.</source>
            <translation>提示 %1 个词元，生成 %2 个；此回复计算了 %3 个位置。</translation>
        </message>
        <message>
            <source>Writing: %1 prompt tokens, %2 generated so far…</source>
            <translation>生成中：提示 %1 个词元，目前已生成 %2 个…</translation>
        </message>
        <message>
            <source>(Attention is recorded only while the inspector is open.)</source>
            <translation>（仅在检查器打开时记录注意力。）</translation>
        </message>
        <message>
            <source>Reply:</source>
            <translation>回复：</translation>
        </message>
        <message>
            <source>PNG</source>
            <translation>PNG</translation>
        </message>
        <message>
            <source>Save this view as a PNG image</source>
            <translation>将此视图保存为 PNG 图片</translation>
        </message>
        <message>
            <source>CSV</source>
            <translation>CSV</translation>
        </message>
        <message>
            <source>Save this view's data as CSV</source>
            <translation>将此视图的数据保存为 CSV</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>Save this view's data as JSON</source>
            <translation>将此视图的数据保存为 JSON</translation>
        </message>
        <message>
            <source>Attention</source>
            <translation>注意力</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>词元</translation>
        </message>
        <message>
            <source>Logit lens</source>
            <translation>Logit 透镜</translation>
        </message>
        <message>
            <source>KV cache</source>
            <translation>KV 缓存</translation>
        </message>
        <message>
            <source>&amp;Layer</source>
            <translation>层(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Head</source>
            <translation>头(&amp;H)</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>刻度</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>缩放</translation>
        </message>
        <message>
            <source>Linear</source>
            <translation>线性</translation>
        </message>
        <message>
            <source>Square root</source>
            <translation>平方根</translation>
        </message>
        <message>
            <source>Attention weight</source>
            <translation>注意力权重</translation>
        </message>
        <message>
            <source>Expert load per layer</source>
            <translation>各层专家负载</translation>
        </message>
        <message>
            <source>&amp;Colour by</source>
            <translation>着色依据(&amp;C)</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>概率</translation>
        </message>
        <message>
            <source>Entropy</source>
            <translation>熵</translation>
        </message>
        <message>
            <source>Entropy (nats)</source>
            <translation>熵（奈特）</translation>
        </message>
        <message>
            <source>What %1 (position %2) attended to in every layer (%3):</source>
            <translation>%1（位置 %2）在每一层关注的内容（%3）：</translation>
        </message>
        <message>
            <source>head %1 where it was kept, else the mean</source>
            <translation>已保留处为头 %1，否则为平均值</translation>
        </message>
        <message>
            <source>maximum over heads</source>
            <translation>各头最大值</translation>
        </message>
        <message>
            <source>mean over heads</source>
            <translation>各头平均值</translation>
        </message>
        <message>
            <source>What the selected token attended to in every layer:</source>
            <translation>所选词元在每一层关注的内容：</translation>
        </message>
        <message>
            <source>Top token's probability</source>
            <translation>最高词元的概率</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <source>Export the %1 view</source>
            <translation>导出“%1”视图</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>Could not save %1</source>
            <translation>无法保存 %1</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::KvCacheView</name>
        <message>
            <source>Per token</source>
            <translation>每个词元</translation>
        </message>
        <message>
            <source>In use now</source>
            <translation>当前使用</translation>
        </message>
        <message>
            <source>%1 tokens</source>
            <translation>%1 个词元</translation>
        </message>
        <message>
            <source>2 (K and V) × %1 layers × %2 KV heads × %3 dims × %4 B = %5 B per token</source>
            <translation>2（K 和 V）× %1 层 × %2 个 KV 头 × %3 维 × %4 B = 每词元 %5 B</translation>
        </message>
        <message>
            <source>Multi-head attention would keep one K and V per query head: %1× this model's cache.</source>
            <translation>多头注意力会为每个查询头保存一份 K 和 V：是此模型缓存的 %1 倍。</translation>
        </message>
        <message>
            <source>This model already keeps one K and V per query head (multi-head attention).</source>
            <translation>此模型已为每个查询头保存一份 K 和 V（多头注意力）。</translation>
        </message>
        <message>
            <source>Grey rows are longer than the context this model runs with (%1 tokens).</source>
            <translation>灰色行超出了此模型运行时的上下文（%1 个词元）。</translation>
        </message>
        <message>
            <source>Load a model to see what its KV cache needs.</source>
            <translation>加载模型以查看其 KV 缓存所需的空间。</translation>
        </message>
        <message>
            <source>KV cache of %1</source>
            <translation>%1 的 KV 缓存</translation>
        </message>
        <message>
            <source>this model</source>
            <translation>此模型</translation>
        </message>
        <message>
            <source>This model (GQA): KV heads %1</source>
            <translation>此模型（GQA）：KV 头 %1</translation>
        </message>
        <message>
            <source>This model (MHA): KV heads %1</source>
            <translation>此模型（MHA）：KV 头 %1</translation>
        </message>
        <message>
            <source>Multi-head: KV heads %1</source>
            <translation>多头：KV 头 %1</translation>
        </message>
        <message>
            <source>This conversation: %1 of %2 tokens of context, %3 of %4 allocated.</source>
            <translation>此对话：上下文 %2 个词元中用了 %1 个，已分配 %4 中的 %3。</translation>
        </message>
        <message>
            <source>Tokens in this conversation: %1.</source>
            <translation>此对话中的词元：%1。</translation>
        </message>
        <message>
            <source>%1 bytes</source>
            <translation>%1 字节</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::LogitLensView</name>
        <message>
            <source>Layer %1 (output)</source>
            <translation>第 %1 层（输出）</translation>
        </message>
        <message>
            <source>Layer %1</source>
            <translation>第 %1 层</translation>
        </message>
        <message>
            <source>Input token →</source>
            <translation>输入词元 →</translation>
        </message>
        <message>
            <source>Layer ↓</source>
            <translation>层 ↓</translation>
        </message>
        <message>
            <source>After layer %1 at position %2 (input %3):</source>
            <translation>第 %1 层之后，位置 %2（输入 %3）：</translation>
        </message>
        <message>
            <source>The text continues with %1</source>
            <translation>文本接下来是 %1</translation>
        </message>
        <message>
            <source>Send a message: the top token after each layer appears here.</source>
            <translation>发送消息：这里会显示每一层之后的最高词元。</translation>
        </message>
        <message>
            <source>The logit lens was not computed for this reply. It is computed while the inspector is open (for large models only while this tab is shown, since it costs one output-head product per layer and token). Regenerate the reply to see it.</source>
            <translation>此回复未计算 logit 透镜。它只在检查器打开时计算（对于大模型，仅在显示此标签页时计算，因为每层每个词元都要做一次输出头乘法）。重新生成回复即可看到。</translation>
        </message>
        <message>
            <source>Waiting for the first evaluated token…</source>
            <translation>正在等待第一个计算完成的词元…</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::RoutingGridView</name>
        <message>
            <source>L%1</source>
            <translation>层%1</translation>
        </message>
        <message>
            <source>Layer →</source>
            <translation>层 →</translation>
        </message>
        <message>
            <source>Token ↓</source>
            <translation>词元 ↓</translation>
        </message>
        <message>
            <source>Layer %1, token %2 (position %3)</source>
            <translation>第 %1 层，词元 %2（位置 %3）</translation>
        </message>
        <message>
            <source>E%1 %2 %</source>
            <translation>专家%1 %2%</translation>
        </message>
        <message>
            <source>Chosen: %1</source>
            <translation>已选：%1</translation>
        </message>
        <message>
            <source>Router (softmax over all %1 experts):</source>
            <translation>路由器（对全部 %1 个专家做 softmax）：</translation>
        </message>
        <message>
            <source>Send a message: the experts each token is routed to appear here while the reply is written.</source>
            <translation>发送消息：生成回复时，这里会显示每个词元被路由到的专家。</translation>
        </message>
        <message>
            <source>This model is dense: every token goes through the same feed-forward network in every layer. It has no experts, so there is no routing to show.</source>
            <translation>此模型为稠密模型：每个词元在每一层都经过同一个前馈网络。它没有专家，因此没有路由可显示。</translation>
        </message>
        <message>
            <source>Routing was not recorded for this reply.</source>
            <translation>此回复未记录路由。</translation>
        </message>
        <message>
            <source>Waiting for the first evaluated token…</source>
            <translation>正在等待第一个计算完成的词元…</translation>
        </message>
        <message>
            <source>Shared experts (always on): %1</source>
            <translation>共享专家（始终启用）：%1</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::TokenDetails</name>
        <message>
            <source>Alternative</source>
            <translation>备选</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>概率</translation>
        </message>
        <message>
            <source>Position %1 is part of the prompt: it has no alternatives.</source>
            <translation>位置 %1 属于提示：没有备选。</translation>
        </message>
        <message>
            <source>Click a token of the reply to see the alternatives the model weighed.</source>
            <translation>点击回复中的词元，查看模型权衡过的备选。</translation>
        </message>
        <message>
            <source>Token %1 %2: probability %3, entropy %4 nats</source>
            <translation>词元 %1 %2：概率 %3，熵 %4 奈特</translation>
        </message>
        <message>
            <source>(chosen)</source>
            <translation>（已选）</translation>
        </message>
        <message>
            <source>Branch from an alternative</source>
            <translation>从备选词元分支</translation>
        </message>
        <message>
            <source>Choose an alternative in the list first.</source>
            <translation>请先在列表中选择一个备选。</translation>
        </message>
        <message>
            <source>Branch from here with %1</source>
            <translation>从此处以 %1 分支</translation>
        </message>
        <message>
            <source>Wait until the reply is finished.</source>
            <translation>请等待回复完成。</translation>
        </message>
        <message>
            <source>This is the token the model chose.</source>
            <translation>这是模型选中的词元。</translation>
        </message>
        <message>
            <source>This token is part of a character; branch from a whole character.</source>
            <translation>此词元只是某个字符的一部分；请从完整字符处分支。</translation>
        </message>
        <message>
            <source>Write a new version of the reply that keeps the text before this token, takes this alternative, and lets the model continue from there.</source>
            <translation>生成回复的新版本：保留此词元之前的文本，采用此备选，然后让模型从这里继续。</translation>
        </message>
        <message>
            <source>a byte of a longer character</source>
            <translation>较长字符中的一个字节</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::TokenLayersView</name>
        <message>
            <source>Layer %1</source>
            <translation>第 %1 层</translation>
        </message>
        <message>
            <source>mean over heads</source>
            <translation>各头平均值</translation>
        </message>
        <message>
            <source>maximum over heads</source>
            <translation>各头最大值</translation>
        </message>
        <message>
            <source>head %1</source>
            <translation>头 %1</translation>
        </message>
        <message>
            <source>Layer %1, %2
%3 (position %4) → %5 (position %6)
Weight %7 (%8)</source>
            <translation>第 %1 层，%2
%3（位置 %4）→ %5（位置 %6）
权重 %7（%8）</translation>
        </message>
        <message>
            <source>No attention was recorded for this reply.</source>
            <translation>此回复未记录注意力。</translation>
        </message>
        <message>
            <source>Click a token to see what it attended to in every layer.</source>
            <translation>点击一个词元，查看它在每一层关注的内容。</translation>
        </message>
        <message>
            <source>Position %1 was not evaluated in this reply (it came from the cache of an earlier turn, or it is the last token, which is never fed back).</source>
            <translation>位置 %1 在此回复中未计算（它来自之前轮次的缓存，或是最后一个词元，从不回送）。</translation>
        </message>
        <message>
            <source>Key →</source>
            <translation>键 →</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::TokenView</name>
        <message>
            <source>Token %1 %2 (position %3)</source>
            <translation>词元 %1 %2（位置 %3）</translation>
        </message>
        <message>
            <source>Probability %1 (after sampling %2), rank %3</source>
            <translation>概率 %1（采样后 %2），排名 %3</translation>
        </message>
        <message>
            <source>Entropy of the distribution: %1 nats</source>
            <translation>分布的熵：%1 奈特</translation>
        </message>
        <message>
            <source>Top: %1</source>
            <translation>最高：%1</translation>
        </message>
        <message>
            <source>Send a message: the reply's tokens appear here, coloured by how likely the model found each one.</source>
            <translation>发送消息：这里会显示回复的词元，并按模型认为的可能性着色。</translation>
        </message>
        <message>
            <source>This reply has no token statistics.</source>
            <translation>此回复没有词元统计。</translation>
        </message>
        <message>
            <source>Waiting for the first token…</source>
            <translation>正在等待第一个词元…</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Chat with local language models and see inside them.</source>
            <translation>与本地语言模型对话，并观察其内部。</translation>
        </message>
        <message>
            <source>Open this GGUF model file.</source>
            <translation>打开此 GGUF 模型文件。</translation>
        </message>
        <message>
            <source>Keep the chat history in this SQLite file.</source>
            <translation>将聊天记录保存在此 SQLite 文件中。</translation>
        </message>
        <message>
            <source>Send this message once the model is loaded.</source>
            <translation>模型加载后发送此消息。</translation>
        </message>
        <message>
            <source>Open the inspector on this view: attention, routing, tokens, lens or kv.</source>
            <translation>在此视图打开检查器：attention、routing、tokens、lens 或 kv。</translation>
        </message>
        <message>
            <source>Save a picture of the window here once the reply is written.</source>
            <translation>回复写完后将窗口截图保存到此处。</translation>
        </message>
        <message>
            <source>Quit once the reply is written (and the picture saved).</source>
            <translation>回复写完（并保存图片）后退出。</translation>
        </message>
    </context>
</TS>
