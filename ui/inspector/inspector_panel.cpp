#include "inspector/inspector_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "chat/chat_controller.h"
#include "chat/chat_store.h"
#include "engine/engine_service.h"
#include "engine/engine_worker.h"
#include "inspection/inspection_archive.h"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"  // the engine's Observer has unnamed-use defaults
#include "inspection/inspection_collector.h"
#pragma GCC diagnostic pop
#include "inspection/inspection_export.h"
#include "inspection/inspection_model.h"
#include "inspection/text_positions.h"
#include "inspector/attention_map_view.h"
#include "inspector/colormap.h"
#include "inspector/expert_load_view.h"
#include "inspector/head_grid_view.h"
#include "inspector/kv_cache_view.h"
#include "inspector/logit_lens_view.h"
#include "inspector/routing_grid_view.h"
#include "inspector/token_view.h"

namespace glassbox::ui::inspector {

using namespace glassbox::inspection;

namespace {

constexpr quint64 kSmallModelBytes = 512ull << 20;  // the logit lens is always on below this
constexpr int kLensTopK = 5;

QScrollArea* scrolled(QWidget* w, QWidget* parent) {
    auto* s = new QScrollArea(parent);
    s->setWidget(w);
    s->setWidgetResizable(true);
    s->setFrameShape(QFrame::NoFrame);
    s->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return s;
}

QWidget* page(QWidget* parent, QVBoxLayout** layout) {
    auto* w = new QWidget(parent);
    auto* v = new QVBoxLayout(w);
    v->setContentsMargins(6, 6, 6, 6);
    v->setSpacing(6);
    *layout = v;
    return w;
}

}  // namespace

InspectorPanel::InspectorPanel(EngineService* engine, ChatController* controller, QWidget* parent)
    : QWidget(parent), engine_(engine), controller_(controller), model_(new InspectionModel(this)),
      collector_(std::make_shared<InspectionCollector>()), archive_(new InspectionArchive(this)) {
    setObjectName(QStringLiteral("inspectorPanel"));
    buildUi();
    connectSources();
    retranslate();
    applySettings();
    onCurrentChanged();
}

InspectorPanel::~InspectorPanel() {
    // The engine may outlive the panel by a little (its thread stops after the window's widgets):
    // take the collector out so the engine never calls into a dead panel's model.
    if (engine_) engine_->setInspectionProvider(nullptr);
}

QStringList InspectorPanel::viewNames() {
    return {QStringLiteral("attention"), QStringLiteral("routing"), QStringLiteral("tokens"), QStringLiteral("lens"),
            QStringLiteral("kv")};
}

bool InspectorPanel::showView(const QString& name) {
    const int i = viewNames().indexOf(name.trimmed().toLower());
    if (i < 0) return false;
    showView(View(i));
    return true;
}

void InspectorPanel::showView(View v) { tabs_->setCurrentIndex(int(v)); }

InspectorPanel::View InspectorPanel::currentView() const { return View(tabs_->currentIndex()); }

QWidget* InspectorPanel::viewPage(View v) const { return tabs_->widget(int(v)); }

// ---------------------------------------------------------------------------------- UI

void InspectorPanel::buildUi() {
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(4, 4, 4, 4);
    v->setSpacing(4);
    auto* top = new QHBoxLayout;
    replyLabel_ = new QLabel(this);
    replyPicker_ = new QComboBox(this);
    replyPicker_->setObjectName(QStringLiteral("replyPicker"));
    replyPicker_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    replyPicker_->setMinimumContentsLength(16);
    pngButton_ = new QToolButton(this);
    pngButton_->setObjectName(QStringLiteral("exportPngButton"));
    csvButton_ = new QToolButton(this);
    csvButton_->setObjectName(QStringLiteral("exportCsvButton"));
    jsonButton_ = new QToolButton(this);
    jsonButton_->setObjectName(QStringLiteral("exportJsonButton"));
    top->addWidget(replyLabel_);
    top->addWidget(replyPicker_, 1);
    top->addWidget(pngButton_);
    top->addWidget(csvButton_);
    top->addWidget(jsonButton_);
    v->addLayout(top);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("inspectorStatus"));
    status_->setWordWrap(true);
    v->addWidget(status_);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("inspectorTabs"));
    tabs_->setDocumentMode(true);
    tabs_->addTab(buildAttentionPage(), QString());
    tabs_->addTab(buildRoutingPage(), QString());
    tabs_->addTab(buildTokensPage(), QString());
    tabs_->addTab(buildLensPage(), QString());
    tabs_->addTab(buildKvPage(), QString());
    v->addWidget(tabs_, 1);
    connect(tabs_, &QTabWidget::currentChanged, this, [this] { applySettings(); });
    connect(pngButton_, &QToolButton::clicked, this, [this] { askExport(0); });
    connect(csvButton_, &QToolButton::clicked, this, [this] { askExport(1); });
    connect(jsonButton_, &QToolButton::clicked, this, [this] { askExport(2); });
    connect(replyPicker_, &QComboBox::activated, this, [this](int index) {
        followNewest_ = index == replyPicker_->count() - 1;
        inspectMessage(replyPicker_->itemData(index).toLongLong());
    });
}

QWidget* InspectorPanel::buildAttentionPage() {
    QVBoxLayout* v;
    QWidget* w = page(this, &v);
    w->setObjectName(QStringLiteral("attentionPage"));
    auto* controls = new QHBoxLayout;
    layerLabel_ = new QLabel(w);
    layerBox_ = new QComboBox(w);
    layerBox_->setObjectName(QStringLiteral("layerBox"));
    headLabel_ = new QLabel(w);
    headBox_ = new QComboBox(w);
    headBox_->setObjectName(QStringLiteral("headBox"));
    scaleLabel_ = new QLabel(w);
    scaleBox_ = new QComboBox(w);
    scaleBox_->setObjectName(QStringLiteral("scaleBox"));
    scaleBox_->addItems({QString(), QString()});
    zoomLabel_ = new QLabel(w);
    zoom_ = new QSlider(Qt::Horizontal, w);
    zoom_->setObjectName(QStringLiteral("zoomSlider"));
    zoom_->setRange(4, 32);
    zoom_->setValue(16);
    zoom_->setMaximumWidth(90);
    for (QComboBox* b : {layerBox_, headBox_, scaleBox_}) b->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    layerLabel_->setBuddy(layerBox_);
    headLabel_->setBuddy(headBox_);
    for (QWidget* x : std::initializer_list<QWidget*>{layerLabel_, layerBox_, headLabel_, headBox_}) controls->addWidget(x);
    controls->addStretch(1);
    v->addLayout(controls);
    gqaLabel_ = new QLabel(w);
    gqaLabel_->setObjectName(QStringLiteral("gqaLabel"));
    gqaLabel_->setWordWrap(true);
    v->addWidget(gqaLabel_);
    auto* split = new QSplitter(Qt::Vertical, w);
    attention_ = new AttentionMapView(model_, split);
    heads_ = new HeadGridView(model_, split);
    split->addWidget(attention_);
    split->addWidget(scrolled(heads_, split));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 260});
    v->addWidget(split, 1);
    // The colour bar with what changes it: the scale, and the zoom of the map.
    auto* legendRow = new QHBoxLayout;
    attentionLegend_ = new ColorBarLegend(w);
    legendRow->addWidget(attentionLegend_, 1);
    for (QWidget* x : std::initializer_list<QWidget*>{scaleLabel_, scaleBox_, zoomLabel_, zoom_}) legendRow->addWidget(x);
    v->addLayout(legendRow);

    connect(layerBox_, &QComboBox::activated, this, [this](int i) { model_->setLayer(i); });
    connect(headBox_, &QComboBox::activated, this, [this](int i) { model_->setHead(headBox_->itemData(i).toInt()); });
    connect(scaleBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
        const Scale s = i == 1 ? Scale::Sqrt : Scale::Linear;
        attention_->setScale(s);
        tokenLayers_->setScale(s);
        attentionLegend_->setScale(s);
    });
    connect(zoom_, &QSlider::valueChanged, this, [this](int px) { attention_->setCellSize(QSize(px, px)); });
    return w;
}

QWidget* InspectorPanel::buildRoutingPage() {
    QVBoxLayout* v;
    QWidget* w = page(this, &v);
    w->setObjectName(QStringLiteral("routingPage"));
    expertLegend_ = new ExpertLegend(w);
    v->addWidget(expertLegend_);
    auto* split = new QSplitter(Qt::Vertical, w);
    routing_ = new RoutingGridView(model_, split);
    auto* loadBox = new QWidget(split);
    auto* lv = new QVBoxLayout(loadBox);
    lv->setContentsMargins(0, 0, 0, 0);
    loadTitle_ = new QLabel(loadBox);
    load_ = new ExpertLoadView(model_, loadBox);
    lv->addWidget(loadTitle_);
    lv->addWidget(scrolled(load_, loadBox), 1);
    split->addWidget(routing_);
    split->addWidget(loadBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    v->addWidget(split, 1);
    return w;
}

QWidget* InspectorPanel::buildTokensPage() {
    QVBoxLayout* v;
    QWidget* w = page(this, &v);
    w->setObjectName(QStringLiteral("tokensPage"));
    auto* controls = new QHBoxLayout;
    colorByLabel_ = new QLabel(w);
    colorBy_ = new QComboBox(w);
    colorBy_->setObjectName(QStringLiteral("colorByBox"));
    colorBy_->addItems({QString(), QString()});
    colorByLabel_->setBuddy(colorBy_);
    tokenLegend_ = new ColorBarLegend(w);
    controls->addWidget(colorByLabel_);
    controls->addWidget(colorBy_);
    controls->addWidget(tokenLegend_, 1);
    v->addLayout(controls);
    auto* split = new QSplitter(Qt::Vertical, w);
    tokens_ = new TokenView(model_, split);
    details_ = new TokenDetails(model_, split);
    auto* layersBox = new QWidget(split);
    auto* lv = new QVBoxLayout(layersBox);
    lv->setContentsMargins(0, 0, 0, 0);
    tokenLayersTitle_ = new QLabel(layersBox);
    tokenLayersTitle_->setObjectName(QStringLiteral("tokenLayersTitle"));
    tokenLayersTitle_->setWordWrap(true);
    tokenLayers_ = new TokenLayersView(model_, layersBox);
    lv->addWidget(tokenLayersTitle_);
    lv->addWidget(tokenLayers_, 1);
    split->addWidget(tokens_);
    split->addWidget(details_);
    split->addWidget(layersBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);  // a handful of alternatives
    split->setStretchFactor(2, 3);  // the selected token in every layer (what a click in the chat opens)
    v->addWidget(split, 1);
    connect(colorBy_, &QComboBox::currentIndexChanged, this, [this] { retranslate(); });
    connect(model_, &InspectionModel::selectionChanged, this, [this] { retranslate(); });
    connect(details_, &TokenDetails::branchRequested, this, [this](int, const QString& prefix) {
        if (controller_ && !prefix.isEmpty()) controller_->branchReply(model_->shownMessage(), prefix);
    });
    return w;
}

QWidget* InspectorPanel::buildLensPage() {
    QVBoxLayout* v;
    QWidget* w = page(this, &v);
    w->setObjectName(QStringLiteral("lensPage"));
    lensLegend_ = new ColorBarLegend(w);
    lens_ = new LogitLensView(model_, w);
    v->addWidget(lensLegend_);
    v->addWidget(lens_, 1);
    return w;
}

QWidget* InspectorPanel::buildKvPage() {
    QVBoxLayout* v;
    QWidget* w = page(this, &v);
    w->setObjectName(QStringLiteral("kvPage"));
    kv_ = new KvCacheView(w);
    v->addWidget(scrolled(kv_, w), 1);
    return w;
}

// ---------------------------------------------------------------------------------- sources

void InspectorPanel::connectSources() {
    connect(model_, &InspectionModel::currentChanged, this, &InspectorPanel::onCurrentChanged);
    connect(model_, &InspectionModel::currentGrew, this, &InspectorPanel::updateStatus);
    connect(model_, &InspectionModel::selectionChanged, this, [this] {
        if (layerBox_->currentIndex() != model_->layer()) {
            layerBox_->setCurrentIndex(model_->layer());
            applySettings();  // big models keep the heads of the chosen layer
        }
        const int h = headBox_->findData(model_->head());
        if (h >= 0 && h != headBox_->currentIndex()) headBox_->setCurrentIndex(h);
    });
    connect(model_, &InspectionModel::recordFinished, this, [this](qint64 id) {
        if (id == model_->shownMessage()) fitAttention();
        if (id > 0) archive_->save(model_->record(id));
        syncReplies();
    });
    connect(model_, &InspectionModel::recordStarted, this, [this](qint64 id) {
        if (followNewest_ && controller_ && controller_->shownPath().contains(id)) {
            syncReplies();
        }
    });
    connect(archive_, &InspectionArchive::loaded, this,
            [this](qint64, std::shared_ptr<InspectionRecord> r) { model_->insert(std::move(r)); });
    connect(archive_, &InspectionArchive::missing, this, &InspectorPanel::updateStatus);

    if (engine_) {
        engine_->setInspectionProvider(collector_);
        EngineWorker* w = engine_->worker();
        connect(w, &EngineWorker::tokenReady, model_, &InspectionModel::addToken);
        connect(w, &EngineWorker::finished, model_, [this](quint64 id) { model_->finishRequest(id); });
        connect(w, &EngineWorker::failed, model_, [this](quint64 id) { model_->finishRequest(id); });
        connect(w, &EngineWorker::contextFull, model_, [this](quint64 id) { model_->finishRequest(id); });
        connect(engine_, &EngineService::modelChanged, this, [this](const ModelInfo& info, int ctx) {
            weightBytes_ = info.weightBytes;
            contextSize_ = ctx;
            ModelShape s = ModelShape::fromModelInfo(info, ctx);
            kv_->setShape(s);
            updateLayerHeadChoices();
            applySettings();
        });
        if (engine_->hasModel()) {
            weightBytes_ = engine_->model().weightBytes;
            contextSize_ = engine_->contextSize();
            kv_->setShape(ModelShape::fromModelInfo(engine_->model(), contextSize_));
        }
    }
    if (controller_) {
        ChatController* c = controller_;
        connect(c, &ChatController::inspectionReady, model_,
                [this](qint64 messageId, int, const QVariant& data) { model_->addChunks(messageId, data); });
        connect(c, &ChatController::pathChanged, this, &InspectorPanel::syncReplies);
        connect(c, &ChatController::messageAdded, this, &InspectorPanel::syncReplies);
        connect(c, &ChatController::conversationOpened, this, [this] {
            followNewest_ = true;
            syncReplies();
        });
        connect(c, &ChatController::replyFinished, this, &InspectorPanel::syncReplies);
        connect(c, &ChatController::contextUsageChanged, this, [this](int used, int size) { kv_->setUsage(used, size); });
        connect(c, &ChatController::streamingChanged, this, [this](bool busy) { details_->setBranchingAllowed(!busy); });
        ChatStore* store = c->store();
        archive_->setDatabase(store->isPersistent() ? store->location() : QString());
        connect(store, &ChatStore::openFailed, archive_, [this] { archive_->setDatabase(QString()); });
        connect(store, &ChatStore::reopened, archive_, [this, store] { archive_->setDatabase(store->location()); });
    }
}

void InspectorPanel::setActive(bool active) {
    if (active == active_) return;
    active_ = active;
    applySettings();
    updateStatus();
}

void InspectorPanel::applySettings() {
    InspectionCollector::Settings s = collector_->settings();
    s.attention = active_;
    s.routing = true;  // cheap: a few floats per layer and token
    const bool small = weightBytes_ > 0 && weightBytes_ < kSmallModelBytes;
    s.lensK = active_ && (small || tabs_->currentIndex() == Lens) ? kLensTopK : 0;
    s.detailLayer = model_->layer();
    collector_->setSettings(s);
}

void InspectorPanel::inspectMessage(qint64 messageId) {
    if (messageId == 0 && replyPicker_->count() > 0) messageId = replyPicker_->itemData(replyPicker_->count() - 1).toLongLong();
    const int index = replyPicker_->findData(messageId);
    if (index >= 0) replyPicker_->setCurrentIndex(index);
    model_->show(messageId);
    if (messageId > 0 && !model_->contains(messageId) && controller_) {
        const Message* m = controller_->tree().find(messageId);
        if (m && m->hasInspection && !controller_->isStreaming(messageId)) archive_->load(messageId);
    }
    updateStatus();
}

bool InspectorPanel::inspectText(qint64 messageId, int offset) {
    if (!controller_) return false;
    const Message* m = controller_->tree().find(messageId);
    if (!m) return false;
    const QList<qint64> path = controller_->shownPath();
    qint64 reply = messageId;
    if (m->role == Role::User) {  // its tokens were evaluated as the prompt of the next reply
        const qsizetype i = path.indexOf(messageId);
        reply = i >= 0 && i + 1 < path.size() ? path[i + 1] : 0;
    }
    const Message* r = reply ? controller_->tree().find(reply) : nullptr;
    if (!r || r->role != Role::Assistant) {
        status_->setText(tr("This message has no reply yet: its tokens are inspected with the reply that follows it."));
        return false;
    }
    textClick_ = {reply, m->role == Role::User, m->content, offset};
    qint64 newest = 0;
    for (qint64 id : path)
        if (const Message* x = controller_->tree().find(id); x && x->role == Role::Assistant) newest = id;
    followNewest_ = reply == newest;
    inspectMessage(reply);
    showView(Tokens);
    applyTextClick();
    return true;
}

void InspectorPanel::applyTextClick() {
    const InspectionRecord* r = model_->current();
    if (!textClick_.reply || !r || r->messageId != textClick_.reply) return;  // not read back or streamed yet
    const TextClick c = std::exchange(textClick_, {});
    const int pos = c.prompt ? promptPositionAt(*r, c.text, c.offset) : replyPositionAt(*r, c.text, c.offset);
    if (pos >= 0) model_->setSelectedPosition(pos);
}

void InspectorPanel::syncReplies() {
    if (!controller_) return;
    QList<qint64> replies;
    QStringList texts;
    for (qint64 id : controller_->shownPath()) {
        const Message* m = controller_->tree().find(id);
        if (!m || m->role != Role::Assistant) continue;
        replies << id;
        QString preview = m->content.simplified();
        if (preview.size() > 32) preview = preview.left(31) + QChar(0x2026);
        texts << (preview.isEmpty() ? tr("Reply %1 (being written)").arg(replies.size())
                                    : tr("Reply %1: %2").arg(replies.size()).arg(preview));
    }
    const qint64 shown = model_->shownMessage();
    replyPicker_->blockSignals(true);
    replyPicker_->clear();
    for (int i = 0; i < replies.size(); ++i) replyPicker_->addItem(texts[i], replies[i]);
    replyPicker_->blockSignals(false);
    qint64 next = replies.isEmpty() ? 0 : replies.last();
    if (!followNewest_ && replies.contains(shown)) next = shown;
    inspectMessage(next);
}

void InspectorPanel::updateLayerHeadChoices() {
    const InspectionRecord* r = model_->current();
    ModelShape s = r ? r->shape : kv_->shape();
    const int layers = std::max(0, s.layers), heads = std::max(0, s.heads);
    if (layerBox_->count() != layers || headBox_->property("heads").toInt() != heads ||
        headBox_->property("kvHeads").toInt() != s.kvHeads || layerBox_->property("retranslate").toBool()) {
        layerBox_->clear();
        for (int l = 0; l < layers; ++l) layerBox_->addItem(tr("Layer %1").arg(l));
        headBox_->clear();
        headBox_->addItem(tr("Mean over heads"), int(MeanHead));
        headBox_->addItem(tr("Maximum over heads"), int(MaxHead));
        for (int h = 0; h < heads; ++h)
            headBox_->addItem(s.kvHeads > 0 && s.kvHeads < heads ? tr("Head %1 (KV %2)").arg(h).arg(s.kvHeadOf(h)) : tr("Head %1").arg(h), h);
        headBox_->setProperty("heads", heads);
        headBox_->setProperty("kvHeads", s.kvHeads);
        layerBox_->setProperty("retranslate", false);
    }
    if (model_->layer() >= layers && layers > 0) model_->setLayer(layers - 1);
    layerBox_->setCurrentIndex(model_->layer());
    headBox_->setCurrentIndex(std::max(0, headBox_->findData(model_->head())));
    gqaLabel_->setText(heads_->sharingText());
    gqaLabel_->setVisible(!gqaLabel_->text().isEmpty());
}

void InspectorPanel::fitAttention() {
    // A finished reply is shown whole when its cells can stay at least 6 px; while a reply streams
    // the map keeps its zoom and follows the newest token.
    attention_->fitToView(6, 18);
    zoom_->blockSignals(true);
    zoom_->setValue(attention_->cellSize().width());
    zoom_->blockSignals(false);
    attention_->scrollToEnd();
}

void InspectorPanel::onCurrentChanged() {
    updateLayerHeadChoices();
    if (const InspectionRecord* r = model_->current(); r && r->complete) fitAttention();
    const InspectionRecord* r = model_->current();
    if (r && r->shape.isValid()) {
        ModelShape s = r->shape;
        s.contextSize = contextSize_;
        kv_->setShape(s);
        expertLegend_->setExperts(s.isMoe() ? s.experts : 0, tr("Experts:"));
    } else if (!r) {
        expertLegend_->setExperts(kv_->shape().experts, tr("Experts:"));
    }
    // Earlier replies on the shown branch count into the conversation's expert load.
    QList<std::shared_ptr<const InspectionRecord>> earlier;
    if (controller_ && r)
        for (qint64 id : controller_->shownPath()) {
            if (id == r->messageId) break;
            if (auto rec = model_->record(id)) earlier << rec;
        }
    load_->setEarlier(earlier);
    retranslate();
    applyTextClick();
}

void InspectorPanel::updateStatus() {
    const InspectionRecord* r = model_->current();
    const qint64 shown = model_->shownMessage();
    QString s;
    if (!r) {
        if (shown == 0)
            s = tr("No reply to inspect yet.");
        else if (archive_->isLoading(shown))
            s = tr("Reading this reply's inspection from the history…");
        else if (controller_ && controller_->isStreaming(shown))
            s = tr("Reading the prompt…");
        else
            s = tr("Nothing was recorded for this reply (it was written before the inspector kept it, or the history "
                   "could not store it).");
    } else {
        const int evaluated = r->rowCount;
        s = r->complete ? tr("%1 prompt tokens, %2 generated; %3 positions evaluated for this reply.")
                              .arg(r->promptLength)
                              .arg(r->generated())
                              .arg(evaluated)
                        : tr("Writing: %1 prompt tokens, %2 generated so far…").arg(r->promptLength).arg(r->generated());
        if (!active_ && !r->complete) s += QLatin1Char(' ') + tr("(Attention is recorded only while the inspector is open.)");
    }
    status_->setText(s);
}

void InspectorPanel::retranslate() {
    replyLabel_->setText(tr("Reply:"));
    pngButton_->setText(tr("PNG"));
    pngButton_->setToolTip(tr("Save this view as a PNG image"));
    csvButton_->setText(tr("CSV"));
    csvButton_->setToolTip(tr("Save this view's data as CSV"));
    jsonButton_->setText(tr("JSON"));
    jsonButton_->setToolTip(tr("Save this view's data as JSON"));
    tabs_->setTabText(Attention, tr("Attention"));
    tabs_->setTabText(Routing, tr("Experts"));
    tabs_->setTabText(Tokens, tr("Tokens"));
    tabs_->setTabText(Lens, tr("Logit lens"));
    tabs_->setTabText(Kv, tr("KV cache"));
    layerLabel_->setText(tr("&Layer"));
    headLabel_->setText(tr("&Head"));
    scaleLabel_->setText(tr("Scale"));
    zoomLabel_->setText(tr("Zoom"));
    scaleBox_->setItemText(0, tr("Linear"));
    scaleBox_->setItemText(1, tr("Square root"));
    attentionLegend_->setLabels(tr("Attention weight"), QStringLiteral("0"), QStringLiteral("1"));
    loadTitle_->setText(tr("Expert load per layer"));
    colorByLabel_->setText(tr("&Colour by"));
    colorBy_->setItemText(0, tr("Probability"));
    colorBy_->setItemText(1, tr("Entropy"));
    const bool entropy = colorBy_->currentIndex() == 1;
    tokens_->setColorBy(entropy ? TokenView::ColorBy::Entropy : TokenView::ColorBy::Probability);
    if (entropy)
        tokenLegend_->setLabels(tr("Entropy (nats)"), QStringLiteral("0"), QString::number(double(tokens_->entropyMax()), 'f', 0));
    else
        tokenLegend_->setLabels(tr("Probability"), QStringLiteral("0"), QStringLiteral("1"));
    const InspectionRecord* r = model_->current();
    const int pos = model_->selectedPosition();
    tokenLayersTitle_->setText(r && pos >= 0 ? tr("What %1 (position %2) attended to in every layer (%3):")
                                                   .arg(QChar(0x201C) + r->label(pos) + QChar(0x201D))
                                                   .arg(pos)
                                                   .arg(model_->head() >= 0 ? tr("head %1 where it was kept, else the mean").arg(model_->head())
                                                        : model_->head() == MaxHead ? tr("maximum over heads")
                                                                                    : tr("mean over heads"))
                                             : tr("What the selected token attended to in every layer:"));
    lensLegend_->setLabels(tr("Top token's probability"), QStringLiteral("0"), QStringLiteral("1"));
    if (r && r->shape.isMoe()) expertLegend_->setExperts(r->shape.experts, tr("Experts:"));
    updateStatus();
}

void InspectorPanel::changeEvent(QEvent* e) {
    QWidget::changeEvent(e);
    if (e->type() == QEvent::LanguageChange) {
        layerBox_->setProperty("retranslate", true);
        updateLayerHeadChoices();
        retranslate();
    }
}

// ---------------------------------------------------------------------------------- export

QByteArray InspectorPanel::csv(View v) const {
    const InspectionRecord* r = model_->current();
    if (v == Kv) return kvCsv(kv_->shape(), kv_->usedTokens());
    if (!r) return {};
    switch (v) {
    case Attention: return attentionCsv(*r, model_->layer(), model_->head());
    case Routing: return routingCsv(*r);
    case Tokens: return tokensCsv(*r);
    case Lens: return lensCsv(*r);
    default: return {};
    }
}

QByteArray InspectorPanel::json(View v) const {
    const InspectionRecord* r = model_->current();
    if (v == Kv) return kvJson(kv_->shape(), kv_->usedTokens());
    if (!r) return {};
    switch (v) {
    case Attention: return attentionJson(*r, model_->layer(), model_->head());
    case Routing: return routingJson(*r);
    case Tokens: return tokensJson(*r);
    case Lens: return lensJson(*r);
    default: return {};
    }
}

static bool writeFile(const QString& path, const QByteArray& data) {
    QFile f(path);
    return !data.isEmpty() && f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

bool InspectorPanel::exportPng(View v, const QString& path) { return viewPage(v)->grab().save(path, "PNG"); }

bool InspectorPanel::exportCsv(View v, const QString& path) { return writeFile(path, csv(v)); }

bool InspectorPanel::exportJson(View v, const QString& path) { return writeFile(path, json(v)); }

void InspectorPanel::askExport(int kind) {
    const View v = currentView();
    const QString base = viewNames().value(int(v));
    static const char* ext[] = {"png", "csv", "json"};
    static const char* filters[] = {QT_TR_NOOP("PNG images (*.png)"), QT_TR_NOOP("CSV files (*.csv)"), QT_TR_NOOP("JSON files (*.json)")};
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the %1 view").arg(tabs_->tabText(int(v))),
                                                      QStringLiteral("glassbox-%1.%2").arg(base, QLatin1String(ext[kind])),
                                                      tr(filters[kind]));
    if (path.isEmpty()) return;
    const bool ok = kind == 0 ? exportPng(v, path) : kind == 1 ? exportCsv(v, path) : exportJson(v, path);
    status_->setText(ok ? tr("Saved %1").arg(path) : tr("Could not save %1").arg(path));
}

}  // namespace glassbox::ui::inspector
