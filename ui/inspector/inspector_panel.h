#pragma once
// The inspector dock's content: which reply is inspected, then one tab per view (attention with
// the head grid, expert routing with the load histogram, tokens with their alternatives and what
// each attended to, the logit lens, the KV cache), each exportable as PNG, CSV and JSON.
//
// It owns the data side: the InspectionCollector it installs in the engine (attention and the
// lens are recorded only while the panel is active, i.e. the dock is visible), the
// InspectionModel fed from ChatController::inspectionReady and EngineWorker::tokenReady, and the
// InspectionArchive that keeps records in the chat history and reads them back for past replies.
// With no engine and controller (tests) the model is fed directly.
#include <QPointer>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QSlider;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace glassbox {
class EngineService;
}

namespace glassbox::inspection {
class InspectionArchive;
class InspectionCollector;
class InspectionModel;
}

namespace glassbox::ui {
class ChatController;
}

namespace glassbox::ui::inspector {

class AttentionMapView;
class ColorBarLegend;
class ExpertLegend;
class ExpertLoadView;
class HeadGridView;
class KvCacheView;
class LogitLensView;
class RoutingGridView;
class TokenDetails;
class TokenLayersView;
class TokenView;

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    enum View { Attention, Routing, Tokens, Lens, Kv };
    InspectorPanel(EngineService* engine, ChatController* controller, QWidget* parent = nullptr);
    ~InspectorPanel() override;

    static QStringList viewNames();  // "attention", "routing", "tokens", "lens", "kv"
    bool showView(const QString& name);
    void showView(View v);
    View currentView() const;
    QWidget* viewPage(View v) const;  // what a PNG export shows

    bool exportPng(View v, const QString& path);
    bool exportCsv(View v, const QString& path);
    bool exportJson(View v, const QString& path);
    QByteArray csv(View v) const;
    QByteArray json(View v) const;

    void setActive(bool active);  // the dock is visible: attention (and the lens) are recorded
    bool isActive() const { return active_; }
    void inspectMessage(qint64 messageId);  // a reply of the shown conversation (0: the newest)
    // A click on character `offset` of a message in the chat: the token there is selected on the
    // tokens tab, with what it attended to in every layer. A user's message is found in the
    // prompt of the reply that follows it. False when the message has no reply to inspect.
    bool inspectText(qint64 messageId, int offset);

    inspection::InspectionModel* model() const { return model_; }
    inspection::InspectionCollector* collector() const { return collector_.get(); }
    inspection::InspectionArchive* archive() const { return archive_; }
    AttentionMapView* attentionMap() const { return attention_; }
    HeadGridView* headGrid() const { return heads_; }
    TokenLayersView* tokenLayers() const { return tokenLayers_; }
    RoutingGridView* routingGrid() const { return routing_; }
    ExpertLoadView* expertLoad() const { return load_; }
    ExpertLegend* expertLegend() const { return expertLegend_; }
    TokenView* tokenView() const { return tokens_; }
    TokenDetails* tokenDetails() const { return details_; }
    LogitLensView* logitLens() const { return lens_; }
    KvCacheView* kvCache() const { return kv_; }

protected:
    void changeEvent(QEvent* e) override;

private:
    void buildUi();
    QWidget* buildAttentionPage();
    QWidget* buildRoutingPage();
    QWidget* buildTokensPage();
    QWidget* buildLensPage();
    QWidget* buildKvPage();
    void connectSources();
    void retranslate();
    void applySettings();
    void syncReplies();
    void onCurrentChanged();
    void fitAttention();
    void updateStatus();
    void updateLayerHeadChoices();
    void askExport(int kind);  // 0 PNG, 1 CSV, 2 JSON
    void applyTextClick();     // once the clicked reply's record is shown

    struct TextClick {
        qint64 reply = 0;      // the record to show
        bool prompt = false;   // the text is a user's message (in that reply's prompt)
        QString text;
        int offset = -1;
    } textClick_;

    QPointer<EngineService> engine_;
    QPointer<ChatController> controller_;
    inspection::InspectionModel* model_;
    std::shared_ptr<inspection::InspectionCollector> collector_;
    inspection::InspectionArchive* archive_;
    bool active_ = false;
    bool followNewest_ = true;
    quint64 weightBytes_ = 0;
    int contextSize_ = 0;

    QLabel* replyLabel_;
    QComboBox* replyPicker_;
    QLabel* status_;
    QToolButton *pngButton_, *csvButton_, *jsonButton_;
    QTabWidget* tabs_;
    // Attention.
    QLabel *layerLabel_, *headLabel_, *scaleLabel_, *zoomLabel_, *gqaLabel_;
    QComboBox *layerBox_, *headBox_, *scaleBox_;
    QSlider* zoom_;
    AttentionMapView* attention_;
    HeadGridView* heads_;
    ColorBarLegend* attentionLegend_;
    // Routing.
    ExpertLegend* expertLegend_;
    RoutingGridView* routing_;
    ExpertLoadView* load_;
    QLabel* loadTitle_;
    // Tokens.
    QLabel* colorByLabel_;
    QComboBox* colorBy_;
    ColorBarLegend* tokenLegend_;
    TokenView* tokens_;
    TokenDetails* details_;
    QLabel* tokenLayersTitle_;
    TokenLayersView* tokenLayers_;
    // Lens and KV.
    ColorBarLegend* lensLegend_;
    LogitLensView* lens_;
    KvCacheView* kv_;
};

}  // namespace glassbox::ui::inspector
