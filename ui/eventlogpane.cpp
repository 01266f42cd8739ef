// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/eventlogpane.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include "core/eventlog/eventlog.h"
#include "ui/models/eventlogfiltermodel.h"
#include "ui/models/eventlogmodel.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

EventLogPane::EventLogPane(eventlog::EventLog *log, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_model(new EventLogModel(log, this))
    , m_filter(new EventLogFilterModel(this))
    , m_view(new QTableView(this))
    , m_server(new QComboBox(this))
    , m_level(new QComboBox(this))
    , m_search(new QLineEdit(this))
{
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(EventLogModel::Message, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Event log"));

    m_server->addItem(tr("All servers"));
    m_server->setAccessibleName(tr("Show events of"));
    m_level->addItem(tr("All levels, with details"), int(eventlog::EventLevel::Detail));
    m_level->addItem(tr("Information and above"), int(eventlog::EventLevel::Info));
    m_level->addItem(tr("Warnings and errors"), int(eventlog::EventLevel::Warning));
    m_level->addItem(tr("Errors only"), int(eventlog::EventLevel::Error));
    m_level->setCurrentIndex(1);
    m_level->setAccessibleName(tr("Minimum level"));
    m_search->setPlaceholderText(tr("Find in messages"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find in messages"));

    auto *copy = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("&Copy"), this);
    copy->setToolTip(tr("Copy the selected entries, or every shown entry when none is selected"));
    auto *exportButton = new QPushButton(QIcon::fromTheme(u"document-save-as"_s), tr("E&xport…"), this);
    auto *clear = new QPushButton(QIcon::fromTheme(u"edit-clear"_s), tr("C&lear"), this);

    auto *bar = new QHBoxLayout;
    auto *serverLabel = new QLabel(tr("&Server:"), this);
    serverLabel->setBuddy(m_server);
    auto *levelLabel = new QLabel(tr("Le&vel:"), this);
    levelLabel->setBuddy(m_level);
    bar->addWidget(serverLabel);
    bar->addWidget(m_server);
    bar->addWidget(levelLabel);
    bar->addWidget(m_level);
    bar->addWidget(m_search, 1);
    bar->addWidget(copy);
    bar->addWidget(exportButton);
    bar->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_server, &QComboBox::currentIndexChanged, this, &EventLogPane::applyFilter);
    connect(m_level, &QComboBox::currentIndexChanged, this, &EventLogPane::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, &EventLogPane::applyFilter);
    connect(copy, &QPushButton::clicked, this, &EventLogPane::copyToClipboard);
    connect(exportButton, &QPushButton::clicked, this, &EventLogPane::exportRequested);
    connect(clear, &QPushButton::clicked, log, &eventlog::EventLog::clear);
    // Follow new entries while the view is scrolled to the bottom.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_follow = value >= m_view->verticalScrollBar()->maximum() - 2; });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_view->scrollToBottom();
    });
    applyFilter();
}

void EventLogPane::setServerNames(const QStringList &names)
{
    const QString current = m_server->currentIndex() > 0 ? m_server->currentText() : QString();
    QStringList sorted = names;
    sorted.sort(Qt::CaseInsensitive);
    sorted.removeDuplicates();
    QStringList shown;
    for (int i = 1; i < m_server->count(); ++i)
        shown << m_server->itemText(i);
    if (shown == sorted)
        return;
    const QSignalBlocker blocker(m_server);
    while (m_server->count() > 1)
        m_server->removeItem(1);
    m_server->addItems(sorted);
    const int index = current.isEmpty() ? 0 : m_server->findText(current);
    m_server->setCurrentIndex(std::max(0, index));
    applyFilter();
}

void EventLogPane::applyFilter()
{
    eventlog::EventFilter filter;
    if (m_server->currentIndex() > 0)
        filter.server = m_server->currentText();
    filter.minLevel = eventlog::EventLevel(m_level->currentData().toInt());
    filter.text = m_search->text().trimmed();
    m_filter->setEventFilter(filter);
}

QString EventLogPane::visibleText(bool selectedOnly) const
{
    QStringList lines;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        if (selectedOnly && !selected.contains(index))
            continue;
        lines << eventlog::formatEntryLine(m_model->entryAt(m_filter->mapToSource(index).row()));
    }
    return lines.join(u'\n');
}

void EventLogPane::copyToClipboard()
{
    const bool selection = m_view->selectionModel()->hasSelection();
    QApplication::clipboard()->setText(visibleText(selection));
}

Result<QString> EventLogPane::exportTo(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error{tr("cannot write %1: %2").arg(path, file.errorString())};
    file.write(visibleText(false).toUtf8() + '\n');
    if (!file.commit())
        return Error{tr("cannot write %1: %2").arg(path, file.errorString())};
    return path;
}

} // namespace chronoscope::ui
