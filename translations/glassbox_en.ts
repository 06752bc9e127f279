<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Dialogs</name>
        <message>
            <source>Open a model</source>
            <translation>Open a model</translation>
        </message>
        <message>
            <source>GGUF models (*.gguf);;All files (*)</source>
            <translation>GGUF models (*.gguf);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>EngineWorker</name>
        <message>
            <source>Loading was cancelled.</source>
            <translation>Loading was cancelled.</translation>
        </message>
        <message>
            <source>Could not load “%1”: %2</source>
            <translation>Could not load “%1”: %2</translation>
        </message>
        <message>
            <source>Not enough memory to load “%1”.</source>
            <translation>Not enough memory to load “%1”.</translation>
        </message>
        <message>
            <source>No model is loaded. Open a GGUF model file first.</source>
            <translation>No model is loaded. Open a GGUF model file first.</translation>
        </message>
        <message>
            <source>This message alone is longer than the model's context of %1 tokens.</source>
            <translation>This message alone is longer than the model's context of %1 tokens.</translation>
        </message>
        <message>
            <source>Not enough memory for this conversation's context.</source>
            <translation>Not enough memory for this conversation's context.</translation>
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
            <translation>%1 tok/s</translation>
        </message>
        <message>
            <source>cut off at the token limit</source>
            <translation>cut off at the token limit</translation>
        </message>
        <message>
            <source>cut off: the context is full</source>
            <translation>cut off: the context is full</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>stopped</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>failed</translation>
        </message>
        <message>
            <source>reading the prompt…</source>
            <translation>reading the prompt…</translation>
        </message>
        <message>
            <source>prompt %1</source>
            <translation>prompt %1</translation>
        </message>
        <message>
            <source>first token after %1 s</source>
            <translation>first token after %1 s</translation>
        </message>
        <message numerus="yes">
            <source>%n token(s)</source>
            <translation>
                <numerusform>%n token</numerusform>
                <numerusform>%n tokens</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ModelProbe</name>
        <message>
            <source>The file “%1” does not exist.</source>
            <translation>The file “%1” does not exist.</translation>
        </message>
        <message>
            <source>“%1” is not a GGUF model file: %2</source>
            <translation>“%1” is not a GGUF model file: %2</translation>
        </message>
        <message>
            <source>Glassbox cannot run “%1”: %2</source>
            <translation>Glassbox cannot run “%1”: %2</translation>
        </message>
        <message>
            <source>“%1” needs %2 of memory but only %3 are available. Close other programs or choose a smaller (more quantized) model.</source>
            <translation>“%1” needs %2 of memory but only %3 are available. Close other programs or choose a smaller (more quantized) model.</translation>
        </message>
    </context>
    <context>
        <name>PromptLab</name>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>Examples</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Markup</source>
            <translation>Markup</translation>
        </message>
        <message>
            <source>&amp;Prompt Lab…</source>
            <translation>&amp;Prompt Lab…</translation>
        </message>
        <message>
            <source>Compare prompt templates side by side and score them on a table of inputs</source>
            <translation>Compare prompt templates side by side and score them on a table of inputs</translation>
        </message>
    </context>
    <context>
        <name>SamplingPreset</name>
        <message>
            <source>Balanced</source>
            <translation>Balanced</translation>
        </message>
        <message>
            <source>Precise</source>
            <translation>Precise</translation>
        </message>
        <message>
            <source>Creative</source>
            <translation>Creative</translation>
        </message>
        <message>
            <source>Deterministic (greedy)</source>
            <translation>Deterministic (greedy)</translation>
        </message>
        <message>
            <source>Beam search (4 beams)</source>
            <translation>Beam search (4 beams)</translation>
        </message>
        <message>
            <source>Contrastive search</source>
            <translation>Contrastive search</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::Banner</name>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ChatController</name>
        <message numerus="yes">
            <source>%n oldest message(s) no longer fit in the context and were left out.</source>
            <translation>
                <numerusform>%n oldest message no longer fit in the context and were left out.</numerusform>
                <numerusform>%n oldest messages no longer fit in the context and were left out.</numerusform>
            </translation>
        </message>
        <message>
            <source>No model is loaded yet. Open a GGUF model file in the model panel.</source>
            <translation>No model is loaded yet. Open a GGUF model file in the model panel.</translation>
        </message>
        <message>
            <source>A conversation in the background no longer fits in the model's context; its reply was not written.</source>
            <translation>A conversation in the background no longer fits in the model's context; its reply was not written.</translation>
        </message>
        <message>
            <source>The conversation no longer fits in the model's context; it goes on in a new chat.</source>
            <translation>The conversation no longer fits in the model's context; it goes on in a new chat.</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ChatView</name>
        <message>
            <source>You</source>
            <translation>You</translation>
        </message>
        <message>
            <source>Assistant</source>
            <translation>Assistant</translation>
        </message>
        <message>
            <source>Start a conversation</source>
            <translation>Start a conversation</translation>
        </message>
        <message>
            <source>Type a message below and press Return. The demo model continues text in English, Russian and Chinese; try one of these:</source>
            <translation>Type a message below and press Return. The demo model continues text in English, Russian and Chinese; try one of these:</translation>
        </message>
        <message>
            <source>Send this example</source>
            <translation>Send this example</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>Conversation</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::CodeBlockWidget</name>
        <message>
            <source>Copied</source>
            <translation>Copied</translation>
        </message>
        <message>
            <source>code</source>
            <translation>code</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>Copy the code to the clipboard</source>
            <translation>Copy the code to the clipboard</translation>
        </message>
        <message>
            <source>Copy code</source>
            <translation>Copy code</translation>
        </message>
        <message>
            <source>Code block</source>
            <translation>Code block</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::Composer</name>
        <message>
            <source>Write a message… (Return sends, Shift+Return starts a new line)</source>
            <translation>Write a message… (Return sends, Shift+Return starts a new line)</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>Send the message (Return)</source>
            <translation>Send the message (Return)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Stop the reply (Esc)</source>
            <translation>Stop the reply (Esc)</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ConversationSidebar</name>
        <message>
            <source>Pinned</source>
            <translation>Pinned</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Yesterday</source>
            <translation>Yesterday</translation>
        </message>
        <message>
            <source>Previous 7 days</source>
            <translation>Previous 7 days</translation>
        </message>
        <message>
            <source>Previous 30 days</source>
            <translation>Previous 30 days</translation>
        </message>
        <message>
            <source>Older</source>
            <translation>Older</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Untitled</translation>
        </message>
        <message>
            <source>Unpin</source>
            <translation>Unpin</translation>
        </message>
        <message>
            <source>Pin</source>
            <translation>Pin</translation>
        </message>
        <message>
            <source>New chat</source>
            <translation>New chat</translation>
        </message>
        <message>
            <source>Start a new conversation (Ctrl+N)</source>
            <translation>Start a new conversation (Ctrl+N)</translation>
        </message>
        <message>
            <source>Search all conversations (Ctrl+F)</source>
            <translation>Search all conversations (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search conversations</source>
            <translation>Search conversations</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>Conversations</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Search results</translation>
        </message>
        <message>
            <source>No message matches.</source>
            <translation>No message matches.</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Rename</translation>
        </message>
        <message>
            <source>Pin / unpin</source>
            <translation>Pin / unpin</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabBatchPanel</name>
        <message>
            <source>Input</source>
            <translation>Input</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Expected</translation>
        </message>
        <message>
            <source>Output:
%1

log-prob %2 · %3 tokens · %4</source>
            <translation>Output:
%1

log-prob %2 · %3 tokens · %4</translation>
        </message>
        <message>
            <source>Inputs and expected answers (type them in, import a CSV, or load a built-in set)</source>
            <translation>Inputs and expected answers (type them in, import a CSV, or load a built-in set)</translation>
        </message>
        <message>
            <source>Load</source>
            <translation>Load</translation>
        </message>
        <message>
            <source>Built-in word problems with hand-checked answers</source>
            <translation>Built-in word problems with hand-checked answers</translation>
        </message>
        <message>
            <source>Add row</source>
            <translation>Add row</translation>
        </message>
        <message>
            <source>Remove row</source>
            <translation>Remove row</translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>Import CSV…</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>Temperature</translation>
        </message>
        <message>
            <source>greedy</source>
            <translation>greedy</translation>
        </message>
        <message>
            <source>Max tokens</source>
            <translation>Max tokens</translation>
        </message>
        <message>
            <source>Run batch</source>
            <translation>Run batch</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Check the templates to compare in the library on the left.</source>
            <translation>Check the templates to compare in the library on the left.</translation>
        </message>
        <message>
            <source>Templates: %1</source>
            <translation>Templates: %1</translation>
        </message>
        <message>
            <source>Scores (answers compared with case and spacing ignored)</source>
            <translation>Scores (answers compared with case and spacing ignored)</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Template</translation>
        </message>
        <message>
            <source>Exact</source>
            <translation>Exact</translation>
        </message>
        <message>
            <source>Contains</source>
            <translation>Contains</translation>
        </message>
        <message>
            <source>n</source>
            <translation>n</translation>
        </message>
        <message>
            <source>Mean log-prob</source>
            <translation>Mean log-prob</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>Speed</translation>
        </message>
        <message>
            <source>(nothing)</source>
            <translation>(nothing)</translation>
        </message>
        <message>
            <source>%1 · %2 failed</source>
            <translation>%1 · %2 failed</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabComparePanel</name>
        <message>
            <source>greedy</source>
            <translation>greedy</translation>
        </message>
        <message>
            <source>off</source>
            <translation>off</translation>
        </message>
        <message>
            <source>All columns produced the same tokens.</source>
            <translation>All columns produced the same tokens.</translation>
        </message>
        <message>
            <source>The columns part at token %1 (marked ▌ in each column).</source>
            <translation>The columns part at token %1 (marked ▌ in each column).</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Input</translation>
        </message>
        <message>
            <source>One input, run through every column</source>
            <translation>One input, run through every column</translation>
        </message>
        <message>
            <source>Seed (same for every column)</source>
            <translation>Seed (same for every column)</translation>
        </message>
        <message>
            <source>Max tokens</source>
            <translation>Max tokens</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Template</translation>
        </message>
        <message>
            <source>Temperature</source>
            <translation>Temperature</translation>
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
            <translation>Add column</translation>
        </message>
        <message>
            <source>Remove column</source>
            <translation>Remove column</translation>
        </message>
        <message>
            <source>Use checked templates</source>
            <translation>Use checked templates</translation>
        </message>
        <message>
            <source>One greedy column for each template checked in the library (up to four)</source>
            <translation>One greedy column for each template checked in the library (up to four)</translation>
        </message>
        <message>
            <source>Run side by side</source>
            <translation>Run side by side</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabPromptPreview</name>
        <message>
            <source>Token borders are estimated: the tokens do not spell the text exactly.</source>
            <translation>Token borders are estimated: the tokens do not spell the text exactly.</translation>
        </message>
        <message numerus="yes">
            <source> &amp;nbsp;= &lt;b&gt;%n&lt;/b&gt; tokens</source>
            <translation>
                <numerusform> &amp;nbsp;= &lt;b&gt;%n&lt;/b&gt; tokens</numerusform>
                <numerusform> &amp;nbsp;= &lt;b&gt;%n&lt;/b&gt; tokens</numerusform>
            </translation>
        </message>
        <message>
            <source> &amp;nbsp;(load a model to count tokens)</source>
            <translation> &amp;nbsp;(load a model to count tokens)</translation>
        </message>
        <message>
            <source>token %1 · id %2 · %3</source>
            <translation>token %1 · id %2 · %3</translation>
        </message>
        <message>
            <source>Input ({{question}})</source>
            <translation>Input ({{question}})</translation>
        </message>
        <message>
            <source>Prompt format</source>
            <translation>Prompt format</translation>
        </message>
        <message>
            <source>The question or text to run the templates on</source>
            <translation>The question or text to run the templates on</translation>
        </message>
        <message>
            <source>Plain text</source>
            <translation>Plain text</translation>
        </message>
        <message>
            <source>Wrap in the model's chat template</source>
            <translation>Wrap in the model's chat template</translation>
        </message>
        <message>
            <source>Wrap in the model's chat template (this model has none)</source>
            <translation>Wrap in the model's chat template (this model has none)</translation>
        </message>
        <message>
            <source>Chat template, examples as earlier turns</source>
            <translation>Chat template, examples as earlier turns</translation>
        </message>
        <message>
            <source>Chat template, examples as earlier turns (this model has none)</source>
            <translation>Chat template, examples as earlier turns (this model has none)</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabResultColumn</name>
        <message>
            <source>log-prob &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>log-prob &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message numerus="yes">
            <source>%n tokens</source>
            <translation>
                <numerusform>%n tokens</numerusform>
                <numerusform>%n tokens</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>prompt %n tokens</source>
            <translation>
                <numerusform>prompt %n tokens</numerusform>
                <numerusform>prompt %n tokens</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;span style="color:#1b5e20;"&gt;✔ exact&lt;/span&gt;</source>
            <translation>&lt;span style="color:#1b5e20;"&gt;✔ exact&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;span style="color:#7a5200;"&gt;≈ contains&lt;/span&gt;</source>
            <translation>&lt;span style="color:#7a5200;"&gt;≈ contains&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;span style="color:#b00020;"&gt;✘ wrong&lt;/span&gt;</source>
            <translation>&lt;span style="color:#b00020;"&gt;✘ wrong&lt;/span&gt;</translation>
        </message>
        <message>
            <source>running…</source>
            <translation>running…</translation>
        </message>
        <message>
            <source>Columns part at token %1</source>
            <translation>Columns part at token %1</translation>
        </message>
        <message>
            <source>The columns part here: token %1 differs</source>
            <translation>The columns part here: token %1 differs</translation>
        </message>
        <message>
            <source>token %1 · id %2
log p = %3 (p = %4)
alternatives: %5</source>
            <translation>token %1 · id %2
log p = %3 (p = %4)
alternatives: %5</translation>
        </message>
        <message>
            <source>(no tokens: the model ended at once)</source>
            <translation>(no tokens: the model ended at once)</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabRunsPanel</name>
        <message>
            <source>batch</source>
            <translation>batch</translation>
        </message>
        <message>
            <source>side by side</source>
            <translation>side by side</translation>
        </message>
        <message>
            <source>Every run is saved with what reproduces it: the model file and its hash, the template texts, the seed and the sampler settings.</source>
            <translation>Every run is saved with what reproduces it: the model file and its hash, the template texts, the seed and the sampler settings.</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <source>Templates</source>
            <translation>Templates</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Inputs</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Re-run exactly</source>
            <translation>Re-run exactly</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabTemplateEditor</name>
        <message>
            <source>Variables: {{question}} is the input, {{examples}} the examples.</source>
            <translation>Variables: {{question}} is the input, {{examples}} the examples.</translation>
        </message>
        <message>
            <source>Variables of this template: %1 (fill them in beside the preview).</source>
            <translation>Variables of this template: %1 (fill them in beside the preview).</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Language, kind</source>
            <translation>Language, kind</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>Examples</translation>
        </message>
        <message>
            <source>Example format</source>
            <translation>Example format</translation>
        </message>
        <message>
            <source>Between examples</source>
            <translation>Between examples</translation>
        </message>
        <message>
            <source>Answer after</source>
            <translation>Answer after</translation>
        </message>
        <message>
            <source>Stop at</source>
            <translation>Stop at</translation>
        </message>
        <message>
            <source>Zero-shot</source>
            <translation>Zero-shot</translation>
        </message>
        <message>
            <source>Few-shot</source>
            <translation>Few-shot</translation>
        </message>
        <message>
            <source>Chain of thought</source>
            <translation>Chain of thought</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Input</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Output</translation>
        </message>
        <message>
            <source>Add example</source>
            <translation>Add example</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>Revert</translation>
        </message>
        <message>
            <source>A built-in template: read-only. Duplicate it to make your own version.</source>
            <translation>A built-in template: read-only. Duplicate it to make your own version.</translation>
        </message>
        <message>
            <source>Optional: the system message (in chat mode), or the first paragraph</source>
            <translation>Optional: the system message (in chat mode), or the first paragraph</translation>
        </message>
        <message>
            <source>The prompt, with {{question}}, {{examples}} and variables of your own</source>
            <translation>The prompt, with {{question}}, {{examples}} and variables of your own</translation>
        </message>
        <message>
            <source>How one example is written: {{input}} and {{output}}</source>
            <translation>How one example is written: {{input}} and {{output}}</translation>
        </message>
        <message>
            <source>e.g. Answer: (empty: the first line is the answer)</source>
            <translation>e.g. Answer: (empty: the first line is the answer)</translation>
        </message>
        <message>
            <source>e.g. \n\n, Question:</source>
            <translation>e.g. \n\n, Question:</translation>
        </message>
        <message>
            <source>Generation stops at any of these. Separate them with commas; \n is a line break.</source>
            <translation>Generation stops at any of these. Separate them with commas; \n is a line break.</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::LabTemplateList</name>
        <message>
            <source>My templates</source>
            <translation>My templates</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Template</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>A new empty template of your own</source>
            <translation>A new empty template of your own</translation>
        </message>
        <message>
            <source>Copy the selected template to edit it</source>
            <translation>Copy the selected template to edit it</translation>
        </message>
        <message>
            <source>Add the templates of a JSON file</source>
            <translation>Add the templates of a JSON file</translation>
        </message>
        <message>
            <source>Save the checked templates (or the selected one) as JSON</source>
            <translation>Save the checked templates (or the selected one) as JSON</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::MainWindow</name>
        <message>
            <source>No model is loaded and the demo model was not found. Open a GGUF model file to start.</source>
            <translation>No model is loaded and the demo model was not found. Open a GGUF model file to start.</translation>
        </message>
        <message>
            <source>Loaded %1</source>
            <translation>Loaded %1</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1 (copy)</translation>
        </message>
        <message>
            <source>About Glassbox</source>
            <translation>About Glassbox</translation>
        </message>
        <message>
            <source>&lt;b&gt;Glassbox %1&lt;/b&gt;&lt;p&gt;Chat with local language models (GGUF) and see inside them.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL version 3 or later.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Glassbox %1&lt;/b&gt;&lt;p&gt;Chat with local language models (GGUF) and see inside them.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL version 3 or later.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Chat</source>
            <translation>&amp;Chat</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Open model…</source>
            <translation>&amp;Open model…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;New chat</source>
            <translation>&amp;New chat</translation>
        </message>
        <message>
            <source>&amp;Search conversations</source>
            <translation>&amp;Search conversations</translation>
        </message>
        <message>
            <source>S&amp;top the reply</source>
            <translation>S&amp;top the reply</translation>
        </message>
        <message>
            <source>&amp;Write a message</source>
            <translation>&amp;Write a message</translation>
        </message>
        <message>
            <source>&amp;About Glassbox</source>
            <translation>&amp;About Glassbox</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <source>Sampling</source>
            <translation>Sampling</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Inspector</translation>
        </message>
        <message>
            <source>Delete conversation</source>
            <translation>Delete conversation</translation>
        </message>
        <message>
            <source>Delete “%1” and all its messages? This cannot be undone.</source>
            <translation>Delete “%1” and all its messages? This cannot be undone.</translation>
        </message>
        <message>
            <source>The chat history cannot be used: %1
Chats of this session are kept in memory only.</source>
            <translation>The chat history cannot be used: %1
Chats of this session are kept in memory only.</translation>
        </message>
        <message>
            <source>Move it aside and start a new history</source>
            <translation>Move it aside and start a new history</translation>
        </message>
        <message>
            <source>This conversation fills %1 of the model's %2 tokens of context. When it is full:</source>
            <translation>This conversation fills %1 of the model's %2 tokens of context. When it is full:</translation>
        </message>
        <message>
            <source>Drop the oldest turns</source>
            <translation>Drop the oldest turns</translation>
        </message>
        <message>
            <source>Start a new chat</source>
            <translation>Start a new chat</translation>
        </message>
        <message>
            <source>The conversation no longer fits: it needs %1 tokens but the model's context holds %2. Choose how to go on:</source>
            <translation>The conversation no longer fits: it needs %1 tokens but the model's context holds %2. Choose how to go on:</translation>
        </message>
        <message>
            <source>Drop the oldest turns and reply</source>
            <translation>Drop the oldest turns and reply</translation>
        </message>
        <message>
            <source>Continue in a new chat</source>
            <translation>Continue in a new chat</translation>
        </message>
        <message>
            <source>This conversation (%1 tokens) is longer than the model's context of %2 tokens. For the next reply:</source>
            <translation>This conversation (%1 tokens) is longer than the model's context of %2 tokens. For the next reply:</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::MemoryChatStore</name>
        <message>
            <source>Conversation %1 no longer exists.</source>
            <translation>Conversation %1 no longer exists.</translation>
        </message>
        <message>
            <source>The conversation no longer exists.</source>
            <translation>The conversation no longer exists.</translation>
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
            <translation>(no text)</translation>
        </message>
        <message>
            <source>Edit message</source>
            <translation>Edit message</translation>
        </message>
        <message>
            <source>Save &amp;&amp; send</source>
            <translation>Save &amp;&amp; send</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Previous version</source>
            <translation>Previous version</translation>
        </message>
        <message>
            <source>Next version</source>
            <translation>Next version</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>Copy the message to the clipboard</source>
            <translation>Copy the message to the clipboard</translation>
        </message>
        <message>
            <source>Copy message</source>
            <translation>Copy message</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>Edit this message and send it again as a new version</source>
            <translation>Edit this message and send it again as a new version</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>Regenerate</translation>
        </message>
        <message>
            <source>Write another version of this reply</source>
            <translation>Write another version of this reply</translation>
        </message>
        <message>
            <source>Regenerate reply</source>
            <translation>Regenerate reply</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
        <message>
            <source>Continue this reply where it stopped</source>
            <translation>Continue this reply where it stopped</translation>
        </message>
        <message>
            <source>Continue reply</source>
            <translation>Continue reply</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::ModelPanel</name>
        <message>
            <source>%1 tokens (trained with %2)</source>
            <translation>%1 tokens (trained with %2)</translation>
        </message>
        <message>
            <source>%1 layers, width %2, %3 heads (%4 KV)</source>
            <translation>%1 layers, width %2, %3 heads (%4 KV)</translation>
        </message>
        <message>
            <source>%1 experts, %2 per token</source>
            <translation>%1 experts, %2 per token</translation>
        </message>
        <message>
            <source>none (dense)</source>
            <translation>none (dense)</translation>
        </message>
        <message>
            <source>%1 (weights %2 + context %3)</source>
            <translation>%1 (weights %2 + context %3)</translation>
        </message>
        <message>
            <source>chat template (%1)</source>
            <translation>chat template (%1)</translation>
        </message>
        <message>
            <source>plain text: the model continues what you write</source>
            <translation>plain text: the model continues what you write</translation>
        </message>
        <message>
            <source>Open model…</source>
            <translation>Open model…</translation>
        </message>
        <message>
            <source>Open a GGUF model file (or drop one on the window)</source>
            <translation>Open a GGUF model file (or drop one on the window)</translation>
        </message>
        <message>
            <source>Open model</source>
            <translation>Open model</translation>
        </message>
        <message>
            <source>Loading %1…</source>
            <translation>Loading %1…</translation>
        </message>
        <message>
            <source>Loading progress</source>
            <translation>Loading progress</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Cancel loading</source>
            <translation>Cancel loading</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Architecture:</source>
            <translation>Architecture:</translation>
        </message>
        <message>
            <source>Parameters:</source>
            <translation>Parameters:</translation>
        </message>
        <message>
            <source>Quantization:</source>
            <translation>Quantization:</translation>
        </message>
        <message>
            <source>Context:</source>
            <translation>Context:</translation>
        </message>
        <message>
            <source>Shape:</source>
            <translation>Shape:</translation>
        </message>
        <message>
            <source>Experts:</source>
            <translation>Experts:</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>File:</translation>
        </message>
        <message>
            <source>Memory needed:</source>
            <translation>Memory needed:</translation>
        </message>
        <message>
            <source>Prompt format:</source>
            <translation>Prompt format:</translation>
        </message>
        <message>
            <source>Recent models (double-click to open):</source>
            <translation>Recent models (double-click to open):</translation>
        </message>
        <message>
            <source>Recent models</source>
            <translation>Recent models</translation>
        </message>
        <message>
            <source>This conversation</source>
            <translation>This conversation</translation>
        </message>
        <message>
            <source>&amp;System prompt:</source>
            <translation>&amp;System prompt:</translation>
        </message>
        <message>
            <source>Instructions the model sees before the conversation (optional)</source>
            <translation>Instructions the model sees before the conversation (optional)</translation>
        </message>
        <message>
            <source>System prompt</source>
            <translation>System prompt</translation>
        </message>
        <message>
            <source>When the conversation outgrows the &amp;context:</source>
            <translation>When the conversation outgrows the &amp;context:</translation>
        </message>
        <message>
            <source>Ask me</source>
            <translation>Ask me</translation>
        </message>
        <message>
            <source>Drop the oldest turns (keep the system prompt)</source>
            <translation>Drop the oldest turns (keep the system prompt)</translation>
        </message>
        <message>
            <source>Start a new chat</source>
            <translation>Start a new chat</translation>
        </message>
        <message>
            <source>Context policy</source>
            <translation>Context policy</translation>
        </message>
        <message>
            <source>Loaded model</source>
            <translation>Loaded model</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::PromptLabWidget</name>
        <message>
            <source>Type an input to run the templates on.</source>
            <translation>Type an input to run the templates on.</translation>
        </message>
        <message>
            <source>re-run of #%1</source>
            <translation>re-run of #%1</translation>
        </message>
        <message>
            <source>the model file %1 is gone</source>
            <translation>the model file %1 is gone</translation>
        </message>
        <message>
            <source>Open a model first.</source>
            <translation>Open a model first.</translation>
        </message>
        <message numerus="yes">
            <source>Running %n cell(s)…</source>
            <translation>
                <numerusform>Running %n cell…</numerusform>
                <numerusform>Running %n cells…</numerusform>
            </translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>Running…</translation>
        </message>
        <message>
            <source>The run could not be saved: %1</source>
            <translation>The run could not be saved: %1</translation>
        </message>
        <message>
            <source>Saved as run #%1.</source>
            <translation>Saved as run #%1.</translation>
        </message>
        <message>
            <source>Stopped before the end. </source>
            <translation>Stopped before the end. </translation>
        </message>
        <message numerus="yes">
            <source>Re-run of #%1: identical tokens in all %n cell(s).</source>
            <translation>
                <numerusform>Re-run of #%1: identical tokens in all %n cell.</numerusform>
                <numerusform>Re-run of #%1: identical tokens in all %n cells.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Re-run of #%1: %2 of %n cell(s) differ.</source>
            <translation>
                <numerusform>Re-run of #%1: %2 of %n cell differ.</numerusform>
                <numerusform>Re-run of #%1: %2 of %n cells differ.</numerusform>
            </translation>
        </message>
        <message>
            <source>Run #%1 of %2, model %3.</source>
            <translation>Run #%1 of %2, model %3.</translation>
        </message>
        <message>
            <source>Your own templates and saved runs are not available: %1</source>
            <translation>Your own templates and saved runs are not available: %1</translation>
        </message>
        <message>
            <source>Saved “%1”.</source>
            <translation>Saved “%1”.</translation>
        </message>
        <message>
            <source>New template</source>
            <translation>New template</translation>
        </message>
        <message>
            <source>Answer the question.

Question: {{question}}
Answer:</source>
            <translation>Answer the question.

Question: {{question}}
Answer:</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1 (copy)</translation>
        </message>
        <message>
            <source>Delete template</source>
            <translation>Delete template</translation>
        </message>
        <message>
            <source>Delete the template “%1”?</source>
            <translation>Delete the template “%1”?</translation>
        </message>
        <message>
            <source>Import prompt templates</source>
            <translation>Import prompt templates</translation>
        </message>
        <message>
            <source>Prompt templates (*.json);;All files (*)</source>
            <translation>Prompt templates (*.json);;All files (*)</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n template(s) from %1.</source>
            <translation>
                <numerusform>Imported %n template from %1.</numerusform>
                <numerusform>Imported %n templates from %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export prompt templates</source>
            <translation>Export prompt templates</translation>
        </message>
        <message>
            <source>Prompt templates (*.json)</source>
            <translation>Prompt templates (*.json)</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n template(s) to %1.</source>
            <translation>
                <numerusform>Exported %n template to %1.</numerusform>
                <numerusform>Exported %n templates to %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import inputs</source>
            <translation>Import inputs</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV files (*.csv);;All files (*)</translation>
        </message>
        <message numerus="yes">
            <source>Read %n input(s) from %1.</source>
            <translation>
                <numerusform>Read %n input from %1.</numerusform>
                <numerusform>Read %n inputs from %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export inputs</source>
            <translation>Export inputs</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
        <message>
            <source>No model: open one, or load one in the chat window.</source>
            <translation>No model: open one, or load one in the chat window.</translation>
        </message>
        <message>
            <source>Loading &lt;b&gt;%1&lt;/b&gt;…</source>
            <translation>Loading &lt;b&gt;%1&lt;/b&gt;…</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; could not be loaded: %2</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; could not be loaded: %2</translation>
        </message>
        <message>
            <source>Model: &lt;b&gt;%1&lt;/b&gt; · %2</source>
            <translation>Model: &lt;b&gt;%1&lt;/b&gt; · %2</translation>
        </message>
        <message>
            <source>has a chat template</source>
            <translation>has a chat template</translation>
        </message>
        <message>
            <source>no chat template (plain prompts)</source>
            <translation>no chat template (plain prompts)</translation>
        </message>
        <message>
            <source>Open model…</source>
            <translation>Open model…</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>Template</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>Side by side</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>Saved runs</source>
            <translation>Saved runs</translation>
        </message>
        <message>
            <source>Preview: the exact prompt, tokens by part</source>
            <translation>Preview: the exact prompt, tokens by part</translation>
        </message>
        <message>
            <source> · &lt;i&gt;vocabulary only: previews, no runs&lt;/i&gt;</source>
            <translation> · &lt;i&gt;vocabulary only: previews, no runs&lt;/i&gt;</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Context</translation>
        </message>
        <message>
            <source>model's</source>
            <translation>model's</translation>
        </message>
        <message>
            <source> tokens</source>
            <translation> tokens</translation>
        </message>
        <message>
            <source>Tokens of context for the lab's runs (the model's own by default). Long few-shot and chain-of-thought prompts may need more than a small model was trained on.</source>
            <translation>Tokens of context for the lab's runs (the model's own by default). Long few-shot and chain-of-thought prompts may need more than a small model was trained on.</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::PromptLabWindow</name>
        <message>
            <source>Prompt Lab — Glassbox</source>
            <translation>Prompt Lab — Glassbox</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::SamplingPanel</name>
        <message>
            <source>Last reply's seed: %1</source>
            <translation>Last reply's seed: %1</translation>
        </message>
        <message>
            <source>&amp;Preset:</source>
            <translation>&amp;Preset:</translation>
        </message>
        <message>
            <source>Sampling preset</source>
            <translation>Sampling preset</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Custom</translation>
        </message>
        <message>
            <source>Sampling</source>
            <translation>Sampling</translation>
        </message>
        <message>
            <source>Repetition</source>
            <translation>Repetition</translation>
        </message>
        <message>
            <source>Search strategies</source>
            <translation>Search strategies</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>Temperature:</source>
            <translation>Temperature:</translation>
        </message>
        <message>
            <source>0 picks the most likely token (greedy); higher is more varied</source>
            <translation>0 picks the most likely token (greedy); higher is more varied</translation>
        </message>
        <message>
            <source>Top-k:</source>
            <translation>Top-k:</translation>
        </message>
        <message>
            <source>Keep only the k most likely tokens (0: off)</source>
            <translation>Keep only the k most likely tokens (0: off)</translation>
        </message>
        <message>
            <source>Top-p:</source>
            <translation>Top-p:</translation>
        </message>
        <message>
            <source>Keep the most likely tokens up to this total probability (1: off)</source>
            <translation>Keep the most likely tokens up to this total probability (1: off)</translation>
        </message>
        <message>
            <source>Min-p:</source>
            <translation>Min-p:</translation>
        </message>
        <message>
            <source>Drop tokens less likely than this fraction of the best one (0: off)</source>
            <translation>Drop tokens less likely than this fraction of the best one (0: off)</translation>
        </message>
        <message>
            <source>Max tokens:</source>
            <translation>Max tokens:</translation>
        </message>
        <message>
            <source>The longest reply, in tokens</source>
            <translation>The longest reply, in tokens</translation>
        </message>
        <message>
            <source>Repeat penalty:</source>
            <translation>Repeat penalty:</translation>
        </message>
        <message>
            <source>Make tokens seen recently less likely (1: off)</source>
            <translation>Make tokens seen recently less likely (1: off)</translation>
        </message>
        <message>
            <source>Penalty window:</source>
            <translation>Penalty window:</translation>
        </message>
        <message>
            <source>How many recent tokens the penalties look at (-1: all)</source>
            <translation>How many recent tokens the penalties look at (-1: all)</translation>
        </message>
        <message>
            <source>Presence penalty:</source>
            <translation>Presence penalty:</translation>
        </message>
        <message>
            <source>Subtracted once from every token already present</source>
            <translation>Subtracted once from every token already present</translation>
        </message>
        <message>
            <source>Frequency penalty:</source>
            <translation>Frequency penalty:</translation>
        </message>
        <message>
            <source>Subtracted per occurrence of a token</source>
            <translation>Subtracted per occurrence of a token</translation>
        </message>
        <message>
            <source>Beams:</source>
            <translation>Beams:</translation>
        </message>
        <message>
            <source>Beam search when more than 1</source>
            <translation>Beam search when more than 1</translation>
        </message>
        <message>
            <source>Length penalty:</source>
            <translation>Length penalty:</translation>
        </message>
        <message>
            <source>Beam score = log-probability / length^penalty</source>
            <translation>Beam score = log-probability / length^penalty</translation>
        </message>
        <message>
            <source>Contrastive k:</source>
            <translation>Contrastive k:</translation>
        </message>
        <message>
            <source>Contrastive search candidates (0: off)</source>
            <translation>Contrastive search candidates (0: off)</translation>
        </message>
        <message>
            <source>Degeneration penalty α:</source>
            <translation>Degeneration penalty α:</translation>
        </message>
        <message>
            <source>Contrastive search's weight against repeating itself</source>
            <translation>Contrastive search's weight against repeating itself</translation>
        </message>
        <message>
            <source>Stop beam search early</source>
            <translation>Stop beam search early</translation>
        </message>
        <message>
            <source>Token healing</source>
            <translation>Token healing</translation>
        </message>
        <message>
            <source>Re-generate the prompt's last token so a word split at the end can continue</source>
            <translation>Re-generate the prompt's last token so a word split at the end can continue</translation>
        </message>
        <message>
            <source>New random seed for each reply</source>
            <translation>New random seed for each reply</translation>
        </message>
        <message>
            <source>The random seed; the same seed and settings give the same reply</source>
            <translation>The random seed; the same seed and settings give the same reply</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>Seed:</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::StatusPanel</name>
        <message>
            <source>Prompt: %1</source>
            <translation>Prompt: %1</translation>
        </message>
        <message>
            <source>Prompt: –</source>
            <translation>Prompt: –</translation>
        </message>
        <message>
            <source>Generation: %1</source>
            <translation>Generation: %1</translation>
        </message>
        <message>
            <source>Generation: –</source>
            <translation>Generation: –</translation>
        </message>
        <message>
            <source>First token: %1 s</source>
            <translation>First token: %1 s</translation>
        </message>
        <message>
            <source>First token: …</source>
            <translation>First token: …</translation>
        </message>
        <message>
            <source>First token: –</source>
            <translation>First token: –</translation>
        </message>
        <message>
            <source>Reading the prompt: %1 %</source>
            <translation>Reading the prompt: %1 %</translation>
        </message>
        <message>
            <source>%1 / %2 tokens</source>
            <translation>%1 / %2 tokens</translation>
        </message>
        <message>
            <source>no model</source>
            <translation>no model</translation>
        </message>
        <message>
            <source>Context used by this conversation: %1 of %2 tokens. When it is full, older turns must be dropped or a new chat started.</source>
            <translation>Context used by this conversation: %1 of %2 tokens. When it is full, older turns must be dropped or a new chat started.</translation>
        </message>
        <message>
            <source>Memory: %1</source>
            <translation>Memory: %1</translation>
        </message>
        <message>
            <source>Model weights %1, context caches %2; the whole process %3</source>
            <translation>Model weights %1, context caches %2; the whole process %3</translation>
        </message>
        <message>
            <source>Context usage</source>
            <translation>Context usage</translation>
        </message>
        <message>
            <source>How fast the prompt was read</source>
            <translation>How fast the prompt was read</translation>
        </message>
        <message>
            <source>How fast the reply was written</source>
            <translation>How fast the reply was written</translation>
        </message>
        <message>
            <source>Time from sending to the first token of the reply</source>
            <translation>Time from sending to the first token of the reply</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::AttentionMapView</name>
        <message>
            <source>head %1 (KV head %2)</source>
            <translation>head %1 (KV head %2)</translation>
        </message>
        <message>
            <source>head %1</source>
            <translation>head %1</translation>
        </message>
        <message>
            <source>Position %1 cannot attend to the later position %2.</source>
            <translation>Position %1 cannot attend to the later position %2.</translation>
        </message>
        <message>
            <source>Layer %1, %2
Query %3 %4 → key %5 %6
Weight %7 (%8)</source>
            <translation>Layer %1, %2
Query %3 %4 → key %5 %6
Weight %7 (%8)</translation>
        </message>
        <message>
            <source>Send a message: the attention of each layer and head appears here while the reply is written.</source>
            <translation>Send a message: the attention of each layer and head appears here while the reply is written.</translation>
        </message>
        <message>
            <source>Attention was not recorded for this reply: the inspector was closed while it was written. Keep the inspector open and regenerate the reply to see it.</source>
            <translation>Attention was not recorded for this reply: the inspector was closed while it was written. Keep the inspector open and regenerate the reply to see it.</translation>
        </message>
        <message>
            <source>The heads of layer %1 were not kept for this reply (this model has %2 layers × %3 heads; only the chosen layer keeps every head). Its mean and maximum were kept; choose layer %1 before the next reply to keep its heads.</source>
            <translation>The heads of layer %1 were not kept for this reply (this model has %2 layers × %3 heads; only the chosen layer keeps every head). Its mean and maximum were kept; choose layer %1 before the next reply to keep its heads.</translation>
        </message>
        <message>
            <source>Waiting for the first evaluated token…</source>
            <translation>Waiting for the first evaluated token…</translation>
        </message>
        <message>
            <source>Key →</source>
            <translation>Key →</translation>
        </message>
        <message>
            <source>Query ↓</source>
            <translation>Query ↓</translation>
        </message>
        <message>
            <source>mean over its %1 heads</source>
            <translation>mean over its %1 heads</translation>
        </message>
        <message>
            <source>maximum over its %1 heads</source>
            <translation>maximum over its %1 heads</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::ExpertLoadView</name>
        <message>
            <source>The experts' load per layer appears here.</source>
            <translation>The experts' load per layer appears here.</translation>
        </message>
        <message>
            <source>This model is dense: it has no experts, so there is no expert load to show.</source>
            <translation>This model is dense: it has no experts, so there is no expert load to show.</translation>
        </message>
        <message>
            <source>Routing was not recorded for this reply.</source>
            <translation>Routing was not recorded for this reply.</translation>
        </message>
        <message>
            <source>Share of top-%1 choices per layer:</source>
            <translation>Share of top-%1 choices per layer:</translation>
        </message>
        <message>
            <source>this reply</source>
            <translation>this reply</translation>
        </message>
        <message>
            <source>conversation</source>
            <translation>conversation</translation>
        </message>
        <message>
            <source>balanced (1/%1)</source>
            <translation>balanced (1/%1)</translation>
        </message>
        <message>
            <source>Layer %1</source>
            <translation>Layer %1</translation>
        </message>
        <message>
            <source>Layer %1, expert %2
This reply: %3 % of the choices
Conversation: %4 %</source>
            <translation>Layer %1, expert %2
This reply: %3 % of the choices
Conversation: %4 %</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::HeadGridView</name>
        <message>
            <source>heads %1–%2 → KV head %3</source>
            <translation>heads %1–%2 → KV head %3</translation>
        </message>
        <message>
            <source>Grouped-query attention: %1 query heads share %2 KV heads (%3).</source>
            <translation>Grouped-query attention: %1 query heads share %2 KV heads (%3).</translation>
        </message>
        <message>
            <source>Layer %1, head %2</source>
            <translation>Layer %1, head %2</translation>
        </message>
        <message>
            <source>Reads KV head %1</source>
            <translation>Reads KV head %1</translation>
        </message>
        <message>
            <source>Not kept for this reply</source>
            <translation>Not kept for this reply</translation>
        </message>
        <message>
            <source>Click to show it in the attention map</source>
            <translation>Click to show it in the attention map</translation>
        </message>
        <message>
            <source>No attention was recorded for this reply.</source>
            <translation>No attention was recorded for this reply.</translation>
        </message>
        <message>
            <source>The heads of the chosen layer appear here.</source>
            <translation>The heads of the chosen layer appear here.</translation>
        </message>
        <message>
            <source>H%1</source>
            <translation>H%1</translation>
        </message>
        <message>
            <source>KV%1</source>
            <translation>KV%1</translation>
        </message>
        <message>
            <source>not kept</source>
            <translation>not kept</translation>
        </message>
        <message>
            <source>Layer %1, every head (click one to show it above):</source>
            <translation>Layer %1, every head (click one to show it above):</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::InspectorPanel</name>
        <message>
            <source>This message has no reply yet: its tokens are inspected with the reply that follows it.</source>
            <translation>This message has no reply yet: its tokens are inspected with the reply that follows it.</translation>
        </message>
        <message>
            <source>Reply %1 (being written)</source>
            <translation>Reply %1 (being written)</translation>
        </message>
        <message>
            <source>Reply %1: %2</source>
            <translation>Reply %1: %2</translation>
        </message>
        <message>
            <source>Layer %1</source>
            <translation>Layer %1</translation>
        </message>
        <message>
            <source>Mean over heads</source>
            <translation>Mean over heads</translation>
        </message>
        <message>
            <source>Maximum over heads</source>
            <translation>Maximum over heads</translation>
        </message>
        <message>
            <source>Head %1 (KV %2)</source>
            <translation>Head %1 (KV %2)</translation>
        </message>
        <message>
            <source>Head %1</source>
            <translation>Head %1</translation>
        </message>
        <message>
            <source>Experts:</source>
            <translation>Experts:</translation>
        </message>
        <message>
            <source>No reply to inspect yet.</source>
            <translation>No reply to inspect yet.</translation>
        </message>
        <message>
            <source>Reading this reply's inspection from the history…</source>
            <translation>Reading this reply's inspection from the history…</translation>
        </message>
        <message>
            <source>Reading the prompt…</source>
            <translation>Reading the prompt…</translation>
        </message>
        <message>
            <source>Nothing was recorded for this reply (it was written before the inspector kept it, or the history could not store it).</source>
            <translation>Nothing was recorded for this reply (it was written before the inspector kept it, or the history could not store it).</translation>
        </message>
        <message>
            <source>%1 prompt tokens, %2 generated; %3 positions evaluated for this reply.</source>
            <translation>%1 prompt tokens, %2 generated; %3 positions evaluated for this reply.</translation>
        </message>
        <message>
            <source>Writing: %1 prompt tokens, %2 generated so far…</source>
            <translation>Writing: %1 prompt tokens, %2 generated so far…</translation>
        </message>
        <message>
            <source>(Attention is recorded only while the inspector is open.)</source>
            <translation>(Attention is recorded only while the inspector is open.)</translation>
        </message>
        <message>
            <source>Reply:</source>
            <translation>Reply:</translation>
        </message>
        <message>
            <source>PNG</source>
            <translation>PNG</translation>
        </message>
        <message>
            <source>Save this view as a PNG image</source>
            <translation>Save this view as a PNG image</translation>
        </message>
        <message>
            <source>CSV</source>
            <translation>CSV</translation>
        </message>
        <message>
            <source>Save this view's data as CSV</source>
            <translation>Save this view's data as CSV</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>Save this view's data as JSON</source>
            <translation>Save this view's data as JSON</translation>
        </message>
        <message>
            <source>Attention</source>
            <translation>Attention</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>Experts</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>Tokens</translation>
        </message>
        <message>
            <source>Logit lens</source>
            <translation>Logit lens</translation>
        </message>
        <message>
            <source>KV cache</source>
            <translation>KV cache</translation>
        </message>
        <message>
            <source>&amp;Layer</source>
            <translation>&amp;Layer</translation>
        </message>
        <message>
            <source>&amp;Head</source>
            <translation>&amp;Head</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>Scale</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>Linear</source>
            <translation>Linear</translation>
        </message>
        <message>
            <source>Square root</source>
            <translation>Square root</translation>
        </message>
        <message>
            <source>Attention weight</source>
            <translation>Attention weight</translation>
        </message>
        <message>
            <source>Expert load per layer</source>
            <translation>Expert load per layer</translation>
        </message>
        <message>
            <source>&amp;Colour by</source>
            <translation>&amp;Colour by</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>Probability</translation>
        </message>
        <message>
            <source>Entropy</source>
            <translation>Entropy</translation>
        </message>
        <message>
            <source>Entropy (nats)</source>
            <translation>Entropy (nats)</translation>
        </message>
        <message>
            <source>What %1 (position %2) attended to in every layer (%3):</source>
            <translation>What %1 (position %2) attended to in every layer (%3):</translation>
        </message>
        <message>
            <source>head %1 where it was kept, else the mean</source>
            <translation>head %1 where it was kept, else the mean</translation>
        </message>
        <message>
            <source>maximum over heads</source>
            <translation>maximum over heads</translation>
        </message>
        <message>
            <source>mean over heads</source>
            <translation>mean over heads</translation>
        </message>
        <message>
            <source>What the selected token attended to in every layer:</source>
            <translation>What the selected token attended to in every layer:</translation>
        </message>
        <message>
            <source>Top token's probability</source>
            <translation>Top token's probability</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG images (*.png)</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation>JSON files (*.json)</translation>
        </message>
        <message>
            <source>Export the %1 view</source>
            <translation>Export the %1 view</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <source>Could not save %1</source>
            <translation>Could not save %1</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::KvCacheView</name>
        <message>
            <source>Per token</source>
            <translation>Per token</translation>
        </message>
        <message>
            <source>In use now</source>
            <translation>In use now</translation>
        </message>
        <message>
            <source>%1 tokens</source>
            <translation>%1 tokens</translation>
        </message>
        <message>
            <source>2 (K and V) × %1 layers × %2 KV heads × %3 dims × %4 B = %5 B per token</source>
            <translation>2 (K and V) × %1 layers × %2 KV heads × %3 dims × %4 B = %5 B per token</translation>
        </message>
        <message>
            <source>Multi-head attention would keep one K and V per query head: %1× this model's cache.</source>
            <translation>Multi-head attention would keep one K and V per query head: %1× this model's cache.</translation>
        </message>
        <message>
            <source>This model already keeps one K and V per query head (multi-head attention).</source>
            <translation>This model already keeps one K and V per query head (multi-head attention).</translation>
        </message>
        <message>
            <source>Grey rows are longer than the context this model runs with (%1 tokens).</source>
            <translation>Grey rows are longer than the context this model runs with (%1 tokens).</translation>
        </message>
        <message>
            <source>Load a model to see what its KV cache needs.</source>
            <translation>Load a model to see what its KV cache needs.</translation>
        </message>
        <message>
            <source>KV cache of %1</source>
            <translation>KV cache of %1</translation>
        </message>
        <message>
            <source>this model</source>
            <translation>this model</translation>
        </message>
        <message>
            <source>This model (GQA): KV heads %1</source>
            <translation>This model (GQA): KV heads %1</translation>
        </message>
        <message>
            <source>This model (MHA): KV heads %1</source>
            <translation>This model (MHA): KV heads %1</translation>
        </message>
        <message>
            <source>Multi-head: KV heads %1</source>
            <translation>Multi-head: KV heads %1</translation>
        </message>
        <message>
            <source>This conversation: %1 of %2 tokens of context, %3 of %4 allocated.</source>
            <translation>This conversation: %1 of %2 tokens of context, %3 of %4 allocated.</translation>
        </message>
        <message>
            <source>Tokens in this conversation: %1.</source>
            <translation>Tokens in this conversation: %1.</translation>
        </message>
        <message>
            <source>%1 bytes</source>
            <translation>%1 bytes</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::LogitLensView</name>
        <message>
            <source>Layer %1 (output)</source>
            <translation>Layer %1 (output)</translation>
        </message>
        <message>
            <source>Layer %1</source>
            <translation>Layer %1</translation>
        </message>
        <message>
            <source>Input token →</source>
            <translation>Input token →</translation>
        </message>
        <message>
            <source>Layer ↓</source>
            <translation>Layer ↓</translation>
        </message>
        <message>
            <source>After layer %1 at position %2 (input %3):</source>
            <translation>After layer %1 at position %2 (input %3):</translation>
        </message>
        <message>
            <source>The text continues with %1</source>
            <translation>The text continues with %1</translation>
        </message>
        <message>
            <source>Send a message: the top token after each layer appears here.</source>
            <translation>Send a message: the top token after each layer appears here.</translation>
        </message>
        <message>
            <source>The logit lens was not computed for this reply. It is computed while the inspector is open (for large models only while this tab is shown, since it costs one output-head product per layer and token). Regenerate the reply to see it.</source>
            <translation>The logit lens was not computed for this reply. It is computed while the inspector is open (for large models only while this tab is shown, since it costs one output-head product per layer and token). Regenerate the reply to see it.</translation>
        </message>
        <message>
            <source>Waiting for the first evaluated token…</source>
            <translation>Waiting for the first evaluated token…</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::RoutingGridView</name>
        <message>
            <source>L%1</source>
            <translation>L%1</translation>
        </message>
        <message>
            <source>Layer →</source>
            <translation>Layer →</translation>
        </message>
        <message>
            <source>Token ↓</source>
            <translation>Token ↓</translation>
        </message>
        <message>
            <source>Layer %1, token %2 (position %3)</source>
            <translation>Layer %1, token %2 (position %3)</translation>
        </message>
        <message>
            <source>E%1 %2 %</source>
            <translation>E%1 %2 %</translation>
        </message>
        <message>
            <source>Chosen: %1</source>
            <translation>Chosen: %1</translation>
        </message>
        <message>
            <source>Router (softmax over all %1 experts):</source>
            <translation>Router (softmax over all %1 experts):</translation>
        </message>
        <message>
            <source>Send a message: the experts each token is routed to appear here while the reply is written.</source>
            <translation>Send a message: the experts each token is routed to appear here while the reply is written.</translation>
        </message>
        <message>
            <source>This model is dense: every token goes through the same feed-forward network in every layer. It has no experts, so there is no routing to show.</source>
            <translation>This model is dense: every token goes through the same feed-forward network in every layer. It has no experts, so there is no routing to show.</translation>
        </message>
        <message>
            <source>Routing was not recorded for this reply.</source>
            <translation>Routing was not recorded for this reply.</translation>
        </message>
        <message>
            <source>Waiting for the first evaluated token…</source>
            <translation>Waiting for the first evaluated token…</translation>
        </message>
        <message>
            <source>Shared experts (always on): %1</source>
            <translation>Shared experts (always on): %1</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::TokenDetails</name>
        <message>
            <source>Alternative</source>
            <translation>Alternative</translation>
        </message>
        <message>
            <source>Probability</source>
            <translation>Probability</translation>
        </message>
        <message>
            <source>Position %1 is part of the prompt: it has no alternatives.</source>
            <translation>Position %1 is part of the prompt: it has no alternatives.</translation>
        </message>
        <message>
            <source>Click a token of the reply to see the alternatives the model weighed.</source>
            <translation>Click a token of the reply to see the alternatives the model weighed.</translation>
        </message>
        <message>
            <source>Token %1 %2: probability %3, entropy %4 nats</source>
            <translation>Token %1 %2: probability %3, entropy %4 nats</translation>
        </message>
        <message>
            <source>(chosen)</source>
            <translation>(chosen)</translation>
        </message>
        <message>
            <source>Branch from an alternative</source>
            <translation>Branch from an alternative</translation>
        </message>
        <message>
            <source>Choose an alternative in the list first.</source>
            <translation>Choose an alternative in the list first.</translation>
        </message>
        <message>
            <source>Branch from here with %1</source>
            <translation>Branch from here with %1</translation>
        </message>
        <message>
            <source>Wait until the reply is finished.</source>
            <translation>Wait until the reply is finished.</translation>
        </message>
        <message>
            <source>This is the token the model chose.</source>
            <translation>This is the token the model chose.</translation>
        </message>
        <message>
            <source>This token is part of a character; branch from a whole character.</source>
            <translation>This token is part of a character; branch from a whole character.</translation>
        </message>
        <message>
            <source>Write a new version of the reply that keeps the text before this token, takes this alternative, and lets the model continue from there.</source>
            <translation>Write a new version of the reply that keeps the text before this token, takes this alternative, and lets the model continue from there.</translation>
        </message>
        <message>
            <source>a byte of a longer character</source>
            <translation>a byte of a longer character</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::TokenLayersView</name>
        <message>
            <source>Layer %1</source>
            <translation>Layer %1</translation>
        </message>
        <message>
            <source>mean over heads</source>
            <translation>mean over heads</translation>
        </message>
        <message>
            <source>maximum over heads</source>
            <translation>maximum over heads</translation>
        </message>
        <message>
            <source>head %1</source>
            <translation>head %1</translation>
        </message>
        <message>
            <source>Layer %1, %2
%3 (position %4) → %5 (position %6)
Weight %7 (%8)</source>
            <translation>Layer %1, %2
%3 (position %4) → %5 (position %6)
Weight %7 (%8)</translation>
        </message>
        <message>
            <source>No attention was recorded for this reply.</source>
            <translation>No attention was recorded for this reply.</translation>
        </message>
        <message>
            <source>Click a token to see what it attended to in every layer.</source>
            <translation>Click a token to see what it attended to in every layer.</translation>
        </message>
        <message>
            <source>Position %1 was not evaluated in this reply (it came from the cache of an earlier turn, or it is the last token, which is never fed back).</source>
            <translation>Position %1 was not evaluated in this reply (it came from the cache of an earlier turn, or it is the last token, which is never fed back).</translation>
        </message>
        <message>
            <source>Key →</source>
            <translation>Key →</translation>
        </message>
    </context>
    <context>
        <name>glassbox::ui::inspector::TokenView</name>
        <message>
            <source>Token %1 %2 (position %3)</source>
            <translation>Token %1 %2 (position %3)</translation>
        </message>
        <message>
            <source>Probability %1 (after sampling %2), rank %3</source>
            <translation>Probability %1 (after sampling %2), rank %3</translation>
        </message>
        <message>
            <source>Entropy of the distribution: %1 nats</source>
            <translation>Entropy of the distribution: %1 nats</translation>
        </message>
        <message>
            <source>Top: %1</source>
            <translation>Top: %1</translation>
        </message>
        <message>
            <source>Send a message: the reply's tokens appear here, coloured by how likely the model found each one.</source>
            <translation>Send a message: the reply's tokens appear here, coloured by how likely the model found each one.</translation>
        </message>
        <message>
            <source>This reply has no token statistics.</source>
            <translation>This reply has no token statistics.</translation>
        </message>
        <message>
            <source>Waiting for the first token…</source>
            <translation>Waiting for the first token…</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Chat with local language models and see inside them.</source>
            <translation>Chat with local language models and see inside them.</translation>
        </message>
        <message>
            <source>Open this GGUF model file.</source>
            <translation>Open this GGUF model file.</translation>
        </message>
        <message>
            <source>Keep the chat history in this SQLite file.</source>
            <translation>Keep the chat history in this SQLite file.</translation>
        </message>
        <message>
            <source>Send this message once the model is loaded.</source>
            <translation>Send this message once the model is loaded.</translation>
        </message>
        <message>
            <source>Open the inspector on this view: attention, routing, tokens, lens or kv.</source>
            <translation>Open the inspector on this view: attention, routing, tokens, lens or kv.</translation>
        </message>
        <message>
            <source>Save a picture of the window here once the reply is written.</source>
            <translation>Save a picture of the window here once the reply is written.</translation>
        </message>
        <message>
            <source>Quit once the reply is written (and the picture saved).</source>
            <translation>Quit once the reply is written (and the picture saved).</translation>
        </message>
    </context>
</TS>
