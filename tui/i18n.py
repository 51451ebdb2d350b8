"""Interface strings in Chinese and English. Names of places stay Chinese in both."""

from __future__ import annotations

from baiqiang.core.plain.errors import OutputError
from baiqiang.core.plain.tables import GROUPS, REPORT, TABLES

STRINGS: dict[str, dict[str, str]] = {
    "highlights.note": {"zh": "注：", "en": "Note: "},
    "kind.target": {"zh": "目标", "en": "target"},
    "kind.prospect": {"zh": "有望", "en": "prospect"},
    "col.lists": {"zh": "入榜", "en": "Lists"},
    "col.industrial_rank": {"zh": "工业排名", "en": "Ind. rank"},
    "col.innovation_rank": {"zh": "创新排名", "en": "Inn. rank"},
    "col.district_rank": {"zh": "区排名", "en": "Dist. rank"},
    "pick.extra": {"zh": "我的数据列（回车：显示/隐藏）", "en": "Your columns (Enter: show/hide)"},
    "pick.extra_none": {"zh": "全部隐藏", "en": "Hide all"},
    "extra.none": {
        "zh": "还没有导入数据：baiqiang data import 文件",
        "en": "No data imported yet: baiqiang data import FILE",
    },
    "key.view.extra": {"zh": "我的列", "en": "Your columns"},
    "dataset.census2020": {"zh": "第七次全国人口普查（2020）", "en": "2020 census"},
    "unit.人": {"zh": "人", "en": "people"},
    "unit.户": {"zh": "户", "en": "households"},
    "unit.年": {"zh": "年", "en": "years"},
    "unit.个": {"zh": "个", "en": "number"},  # (of anything: the census's children per woman, a file's firms)
    "unit.人/户": {"zh": "人/户", "en": "people per household"},
    "unit.间/户": {"zh": "间/户", "en": "rooms per household"},
    "unit.平方米/人": {"zh": "平方米/人", "en": "m² per person"},
    "unit.女=100": {"zh": "女=100", "en": "women = 100"},
    "unit.人（长表）": {"zh": "人（长表）", "en": "people (long form)"},
    "unit.户（长表）": {"zh": "户（长表）", "en": "households (long form)"},
    "detail.more": {
        "zh": "{title}另有 {n} 项：baiqiang show {name} --format json；说明：baiqiang data info {dataset}",
        "en": "{n} more figures of the {title}: baiqiang show {name} --format json; what they are: baiqiang data info {dataset}",
    },
    "detail.indicators": {"zh": "我的数据", "en": "Your data"},
    "col.change": {"zh": "变化", "en": "Change"},
    "col.rank_from": {"zh": "前次排名", "en": "Rank before"},
    "col.rank_to": {"zh": "本次排名", "en": "Rank now"},
    "col.status": {"zh": "变动", "en": "Moved"},
    "moved.up": {"zh": "上升", "en": "up"},
    "moved.down": {"zh": "下降", "en": "down"},
    "moved.same": {"zh": "持平", "en": "same"},
    "moved.new": {"zh": "新进", "en": "new"},
    "moved.dropped": {"zh": "退出", "en": "dropped"},
    "edition.shown": {"zh": "{year} 年版", "en": "Edition {year}"},
    "edition.one": {
        "zh": "只有一个版本：先导入另一年的榜单",
        "en": "One edition only: import another year's list first",
    },
    "movers.title": {"zh": "{list}：{a} → {b} 排名变动", "en": "{list}: moves {a} → {b}"},
    "key.view.edition": {"zh": "版本", "en": "Edition"},
    "key.view.movers": {"zh": "排名变动", "en": "Movers"},
    "chart.bump": {"zh": "历年排名", "en": "Rank by edition"},
    "pick.value": {"zh": "按维度汇总的数据列", "en": "Column to sum up by the dimension"},
    "pick.value_count": {"zh": "（行数）", "en": "(row counts)"},
    "col.values": {"zh": "有值行数", "en": "With a value"},
    "agg.sum": {"zh": "合计", "en": "sum"},
    "agg.mean": {"zh": "平均", "en": "mean"},
    "agg.median": {"zh": "中位数", "en": "median"},
    "agg.min": {"zh": "最小", "en": "min"},
    "agg.max": {"zh": "最大", "en": "max"},
    "key.stats.value": {"zh": "我的列", "en": "Your column"},
    "key.stats.agg": {"zh": "汇总方式", "en": "Sum/mean …"},
    "col.rank": {"zh": "排名", "en": "Rank"},
    "col.name": {"zh": "名称", "en": "Name"},
    "col.pinyin": {"zh": "拼音", "en": "Pinyin"},
    "col.province": {"zh": "省份", "en": "Province"},
    "col.prefecture": {"zh": "地级市", "en": "Prefecture"},
    "col.province_first": {"zh": "★", "en": "★"},
    "col.region": {"zh": "区域", "en": "Region"},
    "col.tier": {"zh": "梯队", "en": "Tier"},
    "col.county_type": {"zh": "类型", "en": "Type"},
    "col.seq": {"zh": "序号", "en": "No."},
    "col.category": {"zh": "类型", "en": "Category"},
    "col.cluster": {"zh": "产业集群", "en": "Cluster"},
    "col.counties": {"zh": "分布县(市)", "en": "Counties"},
    "col.county": {"zh": "县(市)", "en": "County"},
    "col.sector_group": {"zh": "领域", "en": "Sector"},
    "col.rank_band": {"zh": "排名段", "en": "Rank band"},
    "col.sector_group_zh": {"zh": "领域", "en": "Sector"},
    "col.scale": {"zh": "经济规模", "en": "Scale"},
    "col.scale_min_yi": {"zh": "下限(亿元)", "en": "Min (100m yuan)"},
    "col.group": {"zh": "范围", "en": "Group"},
    "col.metric": {"zh": "指标", "en": "Metric"},
    "col.figure": {"zh": "数值", "en": "Figure"},
    "col.year": {"zh": "年份", "en": "Year"},
    "col.dataset": {"zh": "数据集", "en": "Dataset"},
    "col.column": {"zh": "指标", "en": "Column"},
    "col.value": {"zh": "数值", "en": "Value"},
    "col.unit": {"zh": "单位", "en": "Unit"},
    "col.indicator": {"zh": "指标", "en": "Figure"},
    "col.source": {"zh": "来源文件", "en": "Source file"},
    "col.table": {"zh": "榜单", "en": "List"},
    "col.rank_industrial-counties": {"zh": "工业县排名", "en": "Ind. rank"},
    "col.rank_innovation-counties": {"zh": "创新县排名", "en": "Inn. rank"},
    "col.rank_industrial-districts": {"zh": "工业区排名", "en": "Dist. rank"},
    "col.adcode": {"zh": "区划代码", "en": "Adcode"},
    "col.units_in_province": {"zh": "本省总数", "en": "In province"},
    "col.share_of_province": {"zh": "占本省", "en": "Of province"},
    "col.count": {"zh": "数量", "en": "Count"},
    "col.share": {"zh": "占比", "en": "Share"},
    "status.rows": {"zh": "{n} 行", "en": "{n} rows"},
    "status.row": {"zh": "{n} 行", "en": "{n} row"},
    "status.nofilter": {"zh": "无筛选", "en": "no filter"},
    "status.sorted": {"zh": "排序", "en": "sorted by"},
    "filter.placeholder": {
        "zh": "筛选：名称、拼音、首字母、省份或地级市（Esc 关闭）",
        "en": "Filter: name, pinyin, initials, province or prefecture (Esc closes)",
    },
    "detail.rankings": {"zh": "榜单排名", "en": "Rankings"},
    "detail.clusters": {"zh": "产业集群", "en": "Clusters"},
    "detail.facts": {"zh": "报告中的数据", "en": "Facts from the report"},
    "detail.none": {"zh": "未入选三个榜单", "en": "In none of the report's three lists"},
    "detail.first": {"zh": "省内第一", "en": "first in province"},
    "past.title": {
        "zh": "沿革：1981 年以来的旧名旧码，及其辖地所来自的单位",
        "en": "History: former names and codes since 1981, and the units its land came from",
    },
    # {when}, {since}: past.when, past.since of the year (nothing where the lists give none: only `same`)
    "past.when": {"zh": "{year} 年", "en": " in {year}"},
    "past.since": {"zh": "（{year} 年起）", "en": " (since {year})"},
    "past.same": {"zh": "即今本单位{since}", "en": "is it now{since}"},
    "past.merged": {"zh": "{when}并入，是其一部分", "en": "merged into it{when}: a part of it"},
    "past.split": {"zh": "{when}被分设，其一部分今属本单位", "en": "split{when}: a part of it is in it"},
    "past.succeeded": {
        "zh": "撤销后，{when}于其地设立本单位",
        "en": "abolished; it was set up on its land{when}",
    },
    "detail.enter_counties": {
        "zh": "（c 进入，回车：分布县(市)）",
        "en": "  (c to go there, Enter: counties)",
    },
    "col.shared_with": {"zh": "同集群", "en": "With"},
    "tier.1": {"zh": "第一梯队", "en": "Tier 1"},
    "tier.2": {"zh": "第二梯队", "en": "Tier 2"},
    "tier.3": {"zh": "第三梯队", "en": "Tier 3"},
    "tier.4": {"zh": "第四梯队", "en": "Tier 4"},
    "pick.province": {"zh": "选择省份", "en": "Choose a province"},
    "pick.region": {"zh": "选择区域", "en": "Choose a region"},
    "pick.tier": {"zh": "选择梯队", "en": "Choose a tier"},
    "pick.county_type": {"zh": "选择类型", "en": "Choose a county type"},
    "pick.any": {"zh": "（全部）", "en": "(any)"},
    "sort.title": {"zh": "排序（再选一次反向）", "en": "Sort by (again to reverse)"},
    "sort.report": {"zh": "（报告原顺序）", "en": "(the report's order)"},
    "jump.prompt": {"zh": "跳转到排名（1–100）", "en": "Jump to rank (1–100)"},
    "export.prompt": {
        "zh": "导出当前视图到文件（{endings}；相对路径从 {dir} 算起）。回车确认，Esc 取消",
        "en": "Export this view to a file ({endings}; a relative name is in {dir}). Enter saves, Esc cancels",
    },
    "output.exists": {"zh": "{path} 已存在", "en": "{path} exists"},
    "output.is a directory": {
        "zh": "{path} 是一个目录，请给出文件名",
        "en": "{path} is a directory; give a file name",
    },
    "output.no such directory": {"zh": "目录不存在：{path}", "en": "no such directory: {path}"},
    "output.unknown ending": {
        "zh": "{path} 的扩展名无法识别；可用：{endings}",
        "en": "{path}: unknown ending; the endings written are {endings}",
    },
    "output.binary to a terminal": {
        "zh": "二进制格式不能输出到终端",
        "en": "a binary format cannot go to a terminal",
    },
    "output.os error": {"zh": "无法写入 {path}：{detail}", "en": "cannot write {path}: {detail}"},
    "nothing.here": {"zh": "此视图中没有这一项", "en": "Not available in this view"},
    "jump.missing": {"zh": "第 {n} 名不在当前视图中", "en": "Rank {n} is not in this view"},
    "export.exists": {"zh": "{path} 已存在，是否覆盖？", "en": "{path} exists. Replace it?"},
    "export.prompt_served": {
        "zh": "导出当前视图，下载到你的浏览器（文件名，{endings}）。回车确认，Esc 取消",
        "en": "Export this view as a download to your browser (a file name: {endings}). Enter sends, Esc cancels",
    },
    "export.sent": {"zh": "已发送 {n} 行到浏览器：{name}", "en": "Sent {n} rows to your browser: {name}"},
    "export.done": {"zh": "已导出 {n} 行到 {path}", "en": "Exported {n} rows to {path}"},
    "yes": {"zh": "覆盖", "en": "Replace"},
    "no": {"zh": "取消", "en": "Cancel"},
    "chart.province": {"zh": "按省份", "en": "by province"},
    "chart.region": {"zh": "按区域", "en": "by region"},
    "chart.tier": {"zh": "按梯队", "en": "by tier"},
    "chart.heat": {"zh": "省份 × 排名段（图15/图22）", "en": "province × rank band (fig. 15/22)"},
    "chart.map": {"zh": "地图", "en": "map"},
    "chart.scatter": {"zh": "工业排名 vs 创新排名", "en": "industrial vs innovation rank"},
    "chart.scatter_axes": {"zh": "x：工业 y：创新", "en": "x: industrial y: innovation"},
    "chart.no_pairs": {"zh": "（没有同时有 {x} 和 {y} 的行）", "en": "(no row has both {x} and {y})"},
    "chart.points": {"zh": "{n} 个点", "en": "{n} points"},
    "chart.points_left_out": {"zh": "；{n} 行缺少其一，未画出", "en": "; {n} rows without both left out"},
    "chart.scale": {"zh": "千亿级产业集群规模分布（图37）", "en": "100-billion clusters by scale (fig. 37)"},
    "units.province": {"zh": "{x} 的入榜单位（{n}）", "en": "Listed units of {x} ({n})"},
    "error.worker": {"zh": "出错了", "en": "Something went wrong"},
    "units.cluster": {"zh": "{x} 的分布县(市)", "en": "Counties of {x}"},
    "chart.empty": {"zh": "（无数据）", "en": "(no rows)"},
    "chart.shade": {"zh": "深浅", "en": "shade"},
    "chart.total": {"zh": "合计", "en": "total"},
    "chart.bands": {"zh": "1- 即第 1–10 名 … 91- 即第 91–100 名", "en": "1- = ranks 1-10 … 91- = 91-100"},
    "chart.transposed": {"zh": "（转置以容纳）", "en": " (transposed to fit)"},
    "screens.too_many": {
        "zh": "打开的窗口太多了，请先按 Esc 返回",
        "en": "Too many screens open; press Esc to go back first",
    },
    "help.title": {"zh": "帮助", "en": "Help"},
    "app.subtitle": {"zh": REPORT.title, "en": REPORT.title_en},
    "help.key": {"zh": "按键", "en": "Key"},
    "help.action": {"zh": "功能", "en": "Action"},
    "copied": {"zh": "已复制命令", "en": "Command copied"},
    "palette.view": {"zh": "切换视图", "en": "switch view"},
    "palette.placeholder": {"zh": "搜索命令或单位…", "en": "Search for commands or units…"},
    "palette.help": {"zh": "按键与用法", "en": "keys and how to use the explorer"},
    "palette.language": {"zh": "切换界面语言", "en": "switch the interface language"},
    "palette.quit": {"zh": "退出百强", "en": "leave baiqiang"},
    "palette.failed": {"zh": "搜索出错：{x}", "en": "the search failed: {x}"},
    "palette.here": {"zh": "当前视图的操作", "en": "in this view"},
    "palette.unit": {"zh": "打开该单位的详情", "en": "open the unit's detail"},
    # The keys, by binding id, as the bottom line shows them.
    "key.screen.back": {"zh": "返回", "en": "Back"},
    "key.filter.close": {"zh": "关闭筛选", "en": "Close filter"},
    "key.view.unzoom": {"zh": "还原", "en": "Unzoom"},
    "key.view.filter": {"zh": "筛选", "en": "Filter"},
    "key.view.sort": {"zh": "排序", "en": "Sort"},
    "key.view.clear": {"zh": "清除", "en": "Clear"},
    "key.view.jump": {"zh": "跳转", "en": "Go to rank"},
    "key.view.chart": {"zh": "图表", "en": "Chart"},
    "key.view.export": {"zh": "导出", "en": "Export"},
    "key.view.mark": {"zh": "标记", "en": "Mark"},
    "key.view.compare": {"zh": "对比", "en": "Compare"},
    "key.view.peers": {"zh": "对标", "en": "Peers"},
    "key.units.compare": {"zh": "对比", "en": "Compare"},
    "key.compare.previous": {"zh": "上一指标", "en": "Previous"},
    "key.compare.next": {"zh": "下一指标", "en": "Next"},
    "key.compare.export": {"zh": "导出", "en": "Export"},
    "col.mark": {"zh": "标记", "en": "Mark"},
    "col.distance": {"zh": "距离", "en": "Distance"},
    "col.measure": {"zh": "单位", "en": "Unit"},
    "status.marked": {"zh": "已标记 {n} 个", "en": "{n} marked"},
    "compare.title": {"zh": "{n} 个单位对比：{names}", "en": "{n} units side by side: {names}"},
    "compare.status": {
        "zh": "← → 切换图中的指标（{n} 个数值指标）· e 导出",
        "en": "← → change the chart's indicator ({n} numeric) · e exports",
    },
    "compare.nochart": {"zh": "没有可画的数值指标", "en": "No numeric indicator to chart"},
    "compare.few": {
        "zh": "对比需要至少两个单位：用空格标记，或在一个单位上按 = 与其对标单位对比",
        "en": "A comparison needs two units or more: mark them with space, or press = on one to compare it with its peers",
    },
    "compare.many": {
        "zh": "最多对比 {n} 个单位：只取前 {n} 个已标记的",
        "en": "At most {n} units: the first {n} marked are compared",
    },
    "peers.title": {
        "zh": "{name} 的对标单位：{columns}（{n} 个候选，其中 {left} 个缺值未计）· = 对比",
        "en": "Peers of {name} by {columns} ({n} considered, {left} of them left out for a missing value) · = compares",
    },
    "key.view.copy": {"zh": "复制命令", "en": "Copy command"},
    "key.detail.province": {"zh": "本省入榜", "en": "Province's units"},
    "key.detail.prefecture": {"zh": "本市入榜", "en": "Prefecture's units"},
    "key.stats.dimension": {"zh": "维度", "en": "Dimension"},
    "key.stats.chart": {"zh": "图表类型", "en": "Chart kind"},
    "key.tree.table": {"zh": "换榜单", "en": "Next list"},
    "key.clusters.other": {"zh": "表4/表5", "en": "Table 4/5"},
    "key.picker.cancel": {"zh": "取消", "en": "Cancel"},
    "key.confirm.no": {"zh": "取消", "en": "Cancel"},
    "key.export.cancel": {"zh": "取消", "en": "Cancel"},
    "key.jump.cancel": {"zh": "取消", "en": "Cancel"},
    "key.help.close": {"zh": "关闭帮助", "en": "Close help"},
    "key.app.help": {"zh": "帮助", "en": "Help"},
    "key.app.quit": {"zh": "退出", "en": "Quit"},
    "key.app.language": {"zh": "中/EN", "en": "中/EN"},
    "key.app.palette": {"zh": "命令", "en": "Commands"},
    "key.app.quit_ctrl_c": {"zh": "退出", "en": "Quit"},
    "key.app.help_f1": {"zh": "帮助", "en": "Help"},
    "key.view.zoom": {"zh": "放大图表", "en": "Zoom chart"},
    "key.grid.down": {"zh": "下移", "en": "Down"},
    "key.grid.up": {"zh": "上移", "en": "Up"},
    "key.grid.top": {"zh": "顶部", "en": "Top"},
    "key.grid.bottom": {"zh": "底部", "en": "Bottom"},
    "key.chart.down": {"zh": "下滚", "en": "Down"},
    "key.chart.up": {"zh": "上滚", "en": "Up"},
    "key.chart.left": {"zh": "左滚", "en": "Left"},
    "key.chart.right": {"zh": "右滚", "en": "Right"},
    "key.detail.down": {"zh": "下滚", "en": "Down"},
    "key.detail.clusters": {"zh": "产业集群", "en": "Clusters"},
    "key.detail.page": {"zh": "下一页", "en": "Page down"},
    "key.detail.up": {"zh": "上滚", "en": "Up"},
    "key.help.down": {"zh": "下滚", "en": "Down"},
    "key.help.up": {"zh": "上滚", "en": "Up"},
    "key.picker.down": {"zh": "下移", "en": "Down"},
    "key.picker.up": {"zh": "上移", "en": "Up"},
    "key.tree.down": {"zh": "下移", "en": "Down"},
    "key.tree.up": {"zh": "上移", "en": "Up"},
    "key.tree.top": {"zh": "到顶部", "en": "Top"},
    "key.tree.bottom": {"zh": "到底部", "en": "Bottom"},
    "key.filter.done": {"zh": "完成", "en": "Done"},
    "key.confirm.n": {"zh": "否", "en": "No"},
    "key.confirm.y": {"zh": "是", "en": "Yes"},
}


def unit_word(unit: str, lang: str) -> str:
    """A unit of measure in a language (人 is people in English); a unit of a user's file as it is."""
    return t(f"unit.{unit}", lang, default=unit) if unit else ""


def _derived(key: str, lang: str) -> str | None:
    """Labels that come from the registries, not from :data:`STRINGS`: a group of units
    (``group.ID``), a view's tab (``tab.ID``),
    the number key that opens it (``key.app.tabN``), a list's rank column (``col.…_rank``), a
    filter's quick-filter key and picker (``key.view.NAME``, ``pick.NAME``)."""
    from baiqiang.tui.view_specs import label, views

    if key.startswith(("key.view.", "pick.")):
        from baiqiang.core.filters import FILTERS  # loaded by then: the views that ask load it

        flt = FILTERS.get(key.rpartition(".")[2])
        if flt is not None:
            text = flt.label if lang == "zh" else flt.label_en
            return text if key.startswith("key.") else (f"选择{text}" if lang == "zh" else f"Choose: {text}")
    if key.startswith("group.") and (group := GROUPS.get(key.removeprefix("group."))) is not None:
        return group.zh if lang == "zh" else group.en
    if key.startswith("tab."):
        return label(key.removeprefix("tab."), lang)
    if key.startswith("key.app.tab"):
        number = key.removeprefix("key.app.tab")
        return next((v.title(lang) for v in views() if v.key == number), None)
    if key.startswith("col.") and key.endswith("_rank"):
        column = key.removeprefix("col.")
        ranked = next((s for s in TABLES.values() if s.ranked and s.rank_column == column), None)
        if ranked is not None:
            return f"{ranked.short}排名" if lang == "zh" else f"{ranked.short_en} rank"
    return None


# Textual's own bindings, by their (English) description.
_BUILTIN_ZH = {
    "cursor up": "上移",
    "cursor down": "下移",
    "cursor left": "左移",
    "cursor right": "右移",
    "home": "行首",
    "end": "行尾",
    "page up": "上一页",
    "page down": "下一页",
    "page left": "向左翻页",
    "page right": "向右翻页",
    "select": "打开",
    "top": "顶部",
    "bottom": "底部",
    "focus next": "下一个区域",
    "focus previous": "上一个区域",
    "copy selected text": "复制所选文字",
    "quit": "退出",
    "scroll left": "左滚",
    "scroll right": "右滚",
    "scroll up": "上滚",
    "scroll down": "下滚",
    "scroll home": "顶部",
    "scroll end": "底部",
    "cursor to parent": "到上一级",
    "cursor to next ancestor": "到上一级的下一项",
    "cursor to previous sibling": "上一个同级",
    "cursor to next sibling": "下一个同级",
    "toggle": "展开/收起",
    "expand or collapse all": "全部展开/收起",
    "delete left": "向左删除",
    "delete right": "向右删除",
    "submit": "确定",
    "palette": "命令",
}


def is_ours(binding_id: str | None) -> bool:
    """Whether a binding is one of ours, with a label of its own (not Textual's)."""
    return bool(binding_id) and (
        f"key.{binding_id}" in STRINGS or _derived(f"key.{binding_id}", "zh") is not None
    )


def key_label(binding_id: str | None, description: str, lang: str) -> str:
    """A key's label on the key bar and in help: ours by binding id, Textual's by description."""
    if is_ours(binding_id):
        return t(f"key.{binding_id}", lang)
    if lang == "zh":
        return _BUILTIN_ZH.get(description.lower(), description)
    return description


def t(key: str, lang: str, *, default: str | None = None, **fmt: object) -> str:
    """The string for `key` in `lang` (zh or en), formatted with `fmt` (`default`, or the key
    itself, where there is none)."""
    entry = STRINGS.get(key)
    if entry is None:
        found = _derived(key, lang)
        if found is not None:
            return found
        return key if default is None else default
    return entry.get(lang, entry["zh"]).format(**fmt)


def output_error_text(error: OutputError, lang: str) -> str:
    """An output error in the interface's language, from its reason (not its English message)."""
    from baiqiang.tui.output import export_endings

    return t(
        f"output.{error.reason}",
        lang,
        default=str(error),
        path=error.path or "",
        detail=error.detail,
        endings=export_endings(),
    )
