"""Figures curated by hand from the report's prose.

Every entry carries the sentence it comes from, quoted verbatim (line breaks of the PDF text
and its ``**`` bold markers aside), and the figure exactly as printed. The extractor refuses an
entry whose quote is not in the report, whose figure is not in its quote, or whose unit's name
is not in its quote; ``tests/core/test_extract.py`` runs the same checks. The section each
figure comes from is found by the extractor, not typed here.

Comparators: ``=`` stated exactly, ``>`` 超过/突破/高于, ``≥`` …以上/达到…以上,
``<`` 不足/低于, ``≈`` 约/近.

Kinds: ``measured`` (what was reached: the default), ``target`` (a goal the report names: 冲刺,
力争), ``prospect`` (what the report expects: 有望). The extractor gives a fact the year its
sentence opens with (2021 年…, 截至 2021 年底…) and refuses one whose own year says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    """A figure the report gives for one or more named units.

    Attributes:
        units: Canonical names of the units (as the tables print them, 昆山市).
        metric: What is measured (研发投入, 出口总额 …).
        comparator: One of ``= > ≥ < ≈``.
        figure: The number as printed in the quote (700, 3.5, 千亿, 1/6).
        measure: The unit of measure (亿元, %, 家 …).
        year: The year the quote states for the figure, if any.
        quote: The sentence, verbatim.
        kind: ``measured``, ``target`` or ``prospect``.
    """

    units: tuple[str, ...]
    metric: str
    comparator: str
    figure: str
    measure: str
    year: int | None
    quote: str
    kind: str = "measured"


@dataclass(frozen=True)
class GroupFact:
    """A headline figure about a list (or all county-level units) as a group.

    Attributes:
        group: A table id (industrial-counties …) or a group of
            :data:`~baiqiang.core.plain.tables.GROUPS` (``all-counties``, the 1,864 县(市);
            ``all-districts``; ``county-level``, both; ``county-areas``, the report's "全国 2083
            个县域"; ``districts-500yi``, the 54 市辖区 over 500 亿; ``national``, a national total).
        metric: What is measured.
        comparator: One of ``= > ≥ < ≈``.
        figure: The number as printed.
        measure: The unit of measure.
        year: The year the quote states, if any.
        quote: The sentence, verbatim.
        kind: ``measured``, ``target`` or ``prospect``.
        dated: False where the year the sentence opens with is not the figure's (2022 年工业百强区…
            names the list): the figure then has no year.
        note: What a reader should know that the quote does not say (a doubtful reading, a figure
            that fits another year), in English; ``note_zh`` in Chinese.
    """

    group: str
    metric: str
    comparator: str
    figure: str
    measure: str
    year: int | None
    quote: str
    kind: str = "measured"
    dated: bool = True
    note: str = ""
    note_zh: str = ""


F = Fact
G = GroupFact

_Q_HT = "截至 2021 年底，昆山、张家港等多个长三角县（市）的高新技术企业数量突破 700 家，甚至 2000 家，肥西、宁乡等多个中西部县（市）也突破了 400 家"
_Q_RD = "昆山市、江阴市等 11 个县（市）全社会研发投入均超过 40 亿元"
_Q_RDI = "长沙县、新昌县、余姚市等 8 个县（市）全社会研发投入占地区生产总值比重位于 3.5% 以上的高水平"
_Q_PAT = "新昌县、昆山市、太仓市等 14 个县（市）万人发明专利拥有量高于 40 件"
_Q_HTO = "2021 年昆山市、张家港市、宁乡市等县（市）的高新技术产业产值超过 1000 亿元"
_Q_SEI = "余姚市、乐清市、平湖市等县（市）的规上战略性新兴产业增加值达到 150 亿元以上"
_Q_SEG = "2021 年诸暨市、嘉善县、桐乡市等县（市）的规上战略性新兴产业增加值的增速超过了 20%"
_Q_INV = "常熟市、长葛市、邳州市等 21 个县（市）增速保持在 15% 以上"
_Q_NEI = "2021 年昆山市、平湖市等县（市）的新兴产业投资规模超过了 50 亿元"
_Q_HTI = "常熟市、太仓市高新技术产业投资占工业投资的比重均超过了 30%"
_Q_EX5 = "昆山市、义乌市、胶州市等 10 个县（市）出口总额均超过 500 亿元"
_Q_EX2 = "海宁市、仙桃市、广饶县等 19 个县（市）出口总额均超过 200 亿元"
_Q_INC = "义乌市、乐清市、石狮市等47个县（市）达到了5万元以上"
_Q_RET = "其中晋江市、昆山市、常熟市超过千亿元，另有 15 个县（市）超过 500 亿元"
_Q_LG = "自 2005 年龙岗区工业增加值首次突破 500 亿后"
_Q_DPAT = "崂山区、滨湖区、滨江区、历下区万人发明专利拥有量超过 200 件"
_Q_SRDI = "龙岗区、黄埔区、宝安区、南山区、黄岛区、北仑区、镇海区、鄞州区、城阳区、雁塔区、小店区、岳麓区 12 个区超过 20 家"
_Q_GDPPC = "黄埔区、南山区、新吴区等 15 个市辖区人均 GDP 超过 21 万元"
_Q_RETPC = "滨江区、镇海区、崂山区、历下区、涵江区、铁山港区 6 个区人均社会消费品零售总额超过 10 万元"
_Q_DRET = "龙岗区、顺德区、黄埔区、宝安区、南海区、南山区、黄岛区、龙华区、番禺区、白云区、雁塔区 11 个市辖区超过 1000 亿元"
_Q_TRADE = "顺德区、黄埔区、南海区、江宁区、新吴区、吴江区、黄岛区、北仑区、番禺区、鄞州区、南沙区、虎丘区、翠屏区、禅城区、港口区 15 个市辖区进出口总额超过 1000 亿元"
_Q_FDI = "黄埔区、南山区、江宁区、新吴区、黄岛区、滨江区、汉南区、南沙区、余杭区、城阳区、东西湖区、涵江区、集美区 13 个市辖区实际利用外资超过 10 亿美元"
_Q_PX = "如河北平乡县自行车（童车）产业集群的全球市场占比达40%"
_Q_SD = "湖南邵东市小五金产业集群贡献了全国产能的70%、全球总产能的1/6"
_Q_JP = "如贵州锦屏县鹅产业集群依托全球最大的羽毛球生产基地，贡献了全球十分之一的羽毛球产量，通过种养加售的全链条互动，带动鹅养殖端总产值达 2.72 亿元"
_Q_YS = "以山东临沂沂水县（淀粉糖及休闲食品）特色产业集群为例，其聚焦于休闲零食这一细分赛道，拥有 500 多家企业（规上企业 47 家）"
_Q_KS5 = "规模最高可达 5000 亿元以上，如昆山市电子信息产业集群"
_Q_LY = "如浏阳重点突破电子材料、高端芯片和关键元器件等方向，冲刺千亿级电子信息产业集群"
_Q_ZJG3 = "三千亿级以上的代表性产业集群为张家港市冶金新材料产业集群"
_Q_2K = "二千亿级以上的代表性产业集群为晋江市鞋服产业集群和昆山市装备制造产业集群"
_Q_1K = "1000-2000 亿元级别的产业集群数量更为可观，据不完全统计，至少已有 22 个县（市）制造业集群达到这一水平，如太仓市高端装备产业集群、南安市日用轻工产业集群、江阴市金融新材料产业集群等"
_Q_YY = "余姚市的新能源汽车及关键零部件和光电信息产业集群、太仓市新材料产业集群等一批产业集群有望在近期迈上千亿级台阶"
_Q_YSP = _Q_YS + "，形成了数千乃至上万的产品品种"

_DISTRICT_SRDI = ("龙岗区", "黄埔区", "宝安区", "南山区", "黄岛区", "北仑区")
_DISTRICT_SRDI2 = ("镇海区", "鄞州区", "城阳区", "雁塔区", "小店区", "岳麓区")
_DRET = ("龙岗区", "顺德区", "黄埔区", "宝安区", "南海区", "南山区", "黄岛区", "龙华区")
_TRADE = ("顺德区", "黄埔区", "南海区", "江宁区", "新吴区", "吴江区", "黄岛区", "北仑区")
_TRADE2 = ("番禺区", "鄞州区", "南沙区", "虎丘区", "翠屏区", "禅城区", "港口区")
_FDI = ("黄埔区", "南山区", "江宁区", "新吴区", "黄岛区", "滨江区", "汉南区")
_FDI2 = ("南沙区", "余杭区", "城阳区", "东西湖区", "涵江区", "集美区")

FACTS: tuple[Fact, ...] = (
    F(("昆山市", "张家港市"), "高新技术企业数量", ">", "700", "家", 2021, _Q_HT),
    F(("肥西县", "宁乡市"), "高新技术企业数量", ">", "400", "家", 2021, _Q_HT),
    F(("昆山市", "江阴市"), "全社会研发投入", ">", "40", "亿元", None, _Q_RD),
    F(("长沙县", "新昌县", "余姚市"), "研发投入占地区生产总值比重", "≥", "3.5", "%", None, _Q_RDI),
    F(("新昌县", "昆山市", "太仓市"), "万人发明专利拥有量", ">", "40", "件", None, _Q_PAT),
    F(("昆山市", "张家港市", "宁乡市"), "高新技术产业产值", ">", "1000", "亿元", 2021, _Q_HTO),
    F(("余姚市", "乐清市", "平湖市"), "规上战略性新兴产业增加值", "≥", "150", "亿元", None, _Q_SEI),
    F(
        ("诸暨市", "嘉善县", "桐乡市"),
        "规上战略性新兴产业增加值增速",
        ">",
        "20",
        "%",
        2021,
        _Q_SEG,
    ),
    F(("常熟市", "长葛市", "邳州市"), "工业投资增速", "≥", "15", "%", None, _Q_INV),
    F(("昆山市", "平湖市"), "新兴产业投资规模", ">", "50", "亿元", 2021, _Q_NEI),
    F(("常熟市", "太仓市"), "高新技术产业投资占工业投资比重", ">", "30", "%", None, _Q_HTI),
    F(("昆山市", "义乌市", "胶州市"), "出口总额", ">", "500", "亿元", None, _Q_EX5),
    F(("海宁市", "仙桃市", "广饶县"), "出口总额", ">", "200", "亿元", None, _Q_EX2),
    F(("义乌市", "乐清市", "石狮市"), "城镇居民人均可支配收入", "≥", "5", "万元", None, _Q_INC),
    F(("晋江市", "昆山市", "常熟市"), "社会消费品零售总额", ">", "千亿", "亿元", None, _Q_RET),
    F(("龙岗区",), "工业增加值", ">", "500", "亿元", 2005, _Q_LG),
    F(("崂山区", "滨湖区", "滨江区", "历下区"), "万人发明专利拥有量", ">", "200", "件", None, _Q_DPAT),
    F(_DISTRICT_SRDI + _DISTRICT_SRDI2, "专精特新小巨人企业数量", ">", "20", "家", None, _Q_SRDI),
    F(("黄埔区", "南山区", "新吴区"), "人均GDP", ">", "21", "万元", None, _Q_GDPPC),
    F(
        ("滨江区", "镇海区", "崂山区", "历下区", "涵江区", "铁山港区"),
        "人均社会消费品零售总额",
        ">",
        "10",
        "万元",
        None,
        _Q_RETPC,
    ),
    F(_DRET + ("番禺区", "白云区", "雁塔区"), "社会消费品零售总额", ">", "1000", "亿元", None, _Q_DRET),
    F(_TRADE + _TRADE2, "进出口总额", ">", "1000", "亿元", None, _Q_TRADE),
    F(_FDI + _FDI2, "实际利用外资", ">", "10", "亿美元", None, _Q_FDI),
    F(("平乡县",), "自行车（童车）产业集群全球市场占比", "=", "40", "%", None, _Q_PX),
    F(("邵东市",), "小五金产业集群占全国产能", "=", "70", "%", None, _Q_SD),
    F(("邵东市",), "小五金产业集群占全球总产能", "=", "1/6", "", None, _Q_SD),
    F(("锦屏县",), "鹅产业集群羽毛球产量占全球", "=", "十分之一", "", None, _Q_JP),
    F(("锦屏县",), "鹅养殖端总产值", "=", "2.72", "亿元", None, _Q_JP),
    F(("沂水县",), "特色产业集群企业数量", ">", "500", "家", None, _Q_YS),
    F(("沂水县",), "特色产业集群规上企业数量", "=", "47", "家", None, _Q_YS),
    F(("沂水县",), "特色产业集群产品品种", "≥", "数千", "种", None, _Q_YSP),
    F(("昆山市",), "电子信息产业集群规模", "≥", "5000", "亿元", None, _Q_KS5),
    F(("张家港市",), "冶金新材料产业集群规模", "≥", "三千亿", "亿元", None, _Q_ZJG3),
    F(("晋江市",), "鞋服产业集群规模", "≥", "二千亿", "亿元", None, _Q_2K),
    F(("昆山市",), "装备制造产业集群规模", "≥", "二千亿", "亿元", None, _Q_2K),
    F(("太仓市",), "高端装备产业集群规模（1000-2000 亿元级别）", "≥", "1000", "亿元", None, _Q_1K),
    F(("南安市",), "日用轻工产业集群规模（1000-2000 亿元级别）", "≥", "1000", "亿元", None, _Q_1K),
    # The prose's 金融新材料 is 表5's 金属新材料产业集群: kept as printed; the audit shows both.
    F(("江阴市",), "金融新材料产业集群规模（1000-2000 亿元级别）", "≥", "1000", "亿元", None, _Q_1K),
    F(("浏阳市",), "电子信息产业集群规模", "≥", "千亿", "亿元", None, _Q_LY, "target"),
    F(
        ("余姚市",),
        "新能源汽车及关键零部件和光电信息产业集群规模",
        "≥",
        "千亿",
        "亿元",
        None,
        _Q_YY,
        "prospect",
    ),
    F(("太仓市",), "新材料产业集群规模", "≥", "千亿", "亿元", None, _Q_YY, "prospect"),
)

IC = "industrial-counties"
ID = "industrial-districts"

_G_SCOPE = "GDP 合计达到 9.9 万亿元，一般公共预算收入 7237 亿元，工业增加值达 4.5 万亿元"
_G_SHARE = "工业百强县（市）以全国 3.5% 的县级行政区划数、6.6% 的人口以及超过 14% 的规上从业人员，贡献了全国近 10% 的 GDP、14% 以上的工业增加值和近 16% 的规上工业企业利润总额"
_G_CONS = "百强县（市）在全国消费、出口中占比依次达到 8.6% 和 12.5%"
_G_GROW = "百强县（市）中，92 个县（市）全部工业增加值增速实现增长，其中 88 个高于全国平均水平，10 个增速保持在 8% 以上"
_G_RD = "工业百强县（市）R&D 经费支出合计突破 2300 亿元，约占全国比重的 10%"
_G_RD2 = "昆山市、江阴市等 11 个县（市）全社会研发投入均超过 40 亿元，其中有 4 个县（市）超过 80 亿元"
_G_PAT = "百强县（市）专利授权累计数合计超过 300 万件，新昌县、昆山市、太仓市等 14 个县（市）万人发明专利拥有量高于 40 件，其中有 7 个县（市）达到了 60 件以上"
_G_INV = "百强县（市）中有近八成实现了工业投资的正增长，80%以上的超过全国平均水平，其中，常熟市、长葛市、邳州市等 21 个县（市）增速保持在 15% 以上"
_G_INC = "工业百强县（市）中，69个县（市）的城镇居民人均可支配收入超过了全国平均水平，其中义乌市、乐清市、石狮市等47个县（市）达到了5万元以上"
_G_RET = "工业百强县（市）社会消费品零售总额合计约 3.4 万亿元，占全国社会消费品零售总额比重约 9%"
_G_NET = "2020 年全国 2083 个县域网络零售额达 3.53 万亿元，同比增长 14.0%，占全国网络零售额比重为 30%"
_G_ALL = "2013 年，我国县（市）生产总值为 29.14 万亿元，2017 年达到 34.70 万亿元，至 2020 年达到 39.18 万亿元"
_G_PC = "2020 年，全国县（市）人均 GDP 达到 4.4 万元，比 2013 年提升 1.3 万元"
_G_KX = "到 2021 年，我国 43 个 GDP “千亿县”中，已有 8 个位于中西部"
_D_RET21 = "2021年仅工业百强区社会消费品零售总额即达到4.6万亿元，占全国总量的近12%"
_D_PAT21 = "2021 年仅工业百强区专利总量即达到 578.0 万件，占全国专利总量的 5.4%"
_D_SCOPE = "工业百强区 GDP 合计达到 14.4 万亿元，工业增加值 6.0 万亿元，一般公共预算收入 1.0 万亿元，规上工业企业 6.8 万户"
_D_SHARE = "工业百强区不足全国 8% 的人口，1% 的行政区划面积，贡献了全国 14.2% 的 GDP、19.1% 的工业增加值和 23% 的规上工业企业利润总额"
_D_GROW = "工业百强区中，95 个市辖区两年平均工业增加值增速实现正增长，其中 66 个高于全国平均水平，19 个保持两位数增长，81 个市辖区近两年均保持正增长"
_D_PROD = "工业百强区工业企业劳动生产率平均水平到达 72.7 万元/人，其中 12 个市辖区工业企业劳动生产率超过 100 万元/人"
_D_PROF = "工业百强区近 2 年规上工业企业利润总额均值约 2.2 万亿元，约占全国规上工业企业利润总额的 3 成，其中 49 个市辖区近 2 年规上工业企业利润总额均值超过 100 亿元"
_D_MARGIN = (
    "工业百强区工业企业利润率均值到达 8.4%，高于全国水平 2 个百分点，其中，28 个市辖区工业企业利润率超过 10%"
)
_D_PAT = "百强区专利累计数合计 578.0 万件，占全国专利总量的 5.4%，其中发明专利数 173.3 万件，占全国发明专利总量的 11.7%"
_D_PAT2 = (
    "百强区每万人发明专利拥有量 56.5 件，远高于全国平均水平。其中 14 个市辖区万人发明专利拥有量超过 100 件"
)
_D_SRDI = "工业百强区共有 919 家专精特新小巨人企业占全国约占全国 20%"
_D_DEMO = "工业百强区中 59 个市辖区获批国家技术创新示范企业，共 146 家"
_D_URB = "工业百强区中 82 个城镇化率超过全国平均水平，其中，35 个市辖区城镇化率在 90% 以上，16 个市辖区城镇化率达到 100%"
_D_GDPPC = "工业百强区人均 GDP 约 12 万元，其中黄埔区、南山区、新吴区等 15 个市辖区人均 GDP 超过 21 万元"
_D_INC = "工业百强区城镇居民人均可支配收入均值 5.5 万元是全国均值水平的近 2 倍"
_D_RETPC = "工业百强区人均社会消费品零售总额 4.6 万元，高于全国平均水平近 2 万元"
_D_RET = "工业百强区社会消费品零售总额合计达到 46061.1 亿元，约占全国社会消费品零售总额的 11.8%。超过 500 亿元的市辖区共 34 个"
_D_RETGDP = "工业百强区社会消费品零售总额合计占 GDP 比重 31.9%，其中 24 个市辖区社会消费品零售总额占 GDP 比重超过全国平均水平"
_D_TRADE = "工业百强区进出口总额达到 4.9 万亿元，约占全国 15.4%"
_D_FDI = "2022 年工业百强区实际利用外资约 455.1 亿美元，约占全国实际利用外资金额的 31.5%"
_D_FDI2 = "工业百强区中 30 个市辖区实际利用外资超过 5 亿美元"
_D_PCIND = "工业百强区中 94 个人均工业增加值超过全国平均水平，其中 13 个市辖区人均工业增加值超过 10 万元"
_D_500 = "截至 2021 年，全国已有 54 个市辖区工业增加值超过 500 亿，约占全国工业增加值的 13.6%，其中 13 个市辖区工业增加值超过 1000 亿"

_D_REG = "超 500 亿市辖区中 41 个位于东部地区，5 个位于中部地区，6 个位于西部地区，2 个位于东北地区"
_D_CLUS = "77% 的超 500 亿工业增加值市辖区位于国家级城市群，其中长江三角洲城市群 18 个，粤港澳大湾区 15 个，长江中游城市群 4 个，成渝城市群 3 个，呼包鄂榆城市群和关中平原城市群各 1 个，其他非国家级城市群 12 个"
_D_LIST = "500 亿以上工业增加值市辖区国内上市公司数量达到 890 家，注册资本约 7617.1 亿元，其中制造业上市公司数量 673 家，注册资本约 4662.1 亿元"
_D_LIST20 = "13 个市辖区制造业上市公司超过 20 家"
_D_FUND = "截至 2022 年 10 月全国共成立 1898 只政府产业引导基金，573 只为区县级政府产业引导基金，占全部政府产业引导基金的 30%，其中 310 只注册地址位于市辖区"
_D_LISTED = "国内上市公司中有 3314 家工业企业，其中 2518 家注册地址位于市辖区，占国内上市工业企业的 75% 以上"
_D_PREG = "东部地区工业百强区工业企业利润总额均值 251.8 亿元，工业企业利润率均值 7.6%；中部地区工业百强区工业企业利润总额均值 101.5 亿元，工业企业利润率均值 9.5%；西部地区工业百强区工业企业利润总额均值 142.4 亿元，工业企业利润率均值 12.4%；东北地区工业百强区工业企业利润总额均值 189.5 亿元，工业企业利润率均值 22.2%"
D500 = "districts-500yi"
_G_REGSHARE = "2020 年，东、中、西及东北四大板块县（市）GDP 占全国县（市）的比重分别为 40.6%、29.8%、25.1% 和 4.5%，比 2013 年分别降低 1.8 个百分点、提升 4.7 个百分点、提升 1.8 个百分点、降低 4.7 个百分点"
_G_NE = "东北地区县（市）GDP 总量及其占全国比重持续下滑，绝对值由 2013 年 2.69 万亿元下降至 2017 年 2.03 万亿元以及 2020 年的 1.76 万亿元，占国内 GDP 比重由 4.73% 下降至 2.46% 和 1.73%"
_G_COUNT = "2020 年我国县级行政区划数量为 2844 个，与 2013 年相比，市辖区增加了 101 个，县（市）减少 110 个"
AC = "all-counties"

_N_RET21 = (
    "Printed as 2021's; but 4.6 万亿元 is 11.7% of the 2020 national total (39.2 万亿元) and 10.4% "
    "of 2021's (44.1 万亿元): the share fits 2020. The year is kept as printed"
)
_N_RET21_ZH = (
    "原文为 2021 年；但 4.6 万亿元占 2020 年全国总额（39.2 万亿元）的 11.7%，占 2021 年（44.1 万亿元）"
    "的 10.4%：占比与 2020 年相符。年份按原文保留"
)
_N_FDI = (
    "The sentence's 2022 names the list (2022 年工业百强区), not the figures' year; 455.1 亿美元 is "
    "31.5% of the 2020 national total (1,443.7 亿美元, 商务部), not of 2021's (1,734.8 亿美元): no "
    "year is given"
)
_N_FDI_ZH = (
    "句首的 2022 年是榜单名（2022 年工业百强区），不是数据年份；455.1 亿美元占 2020 年全国实际使用外资"
    "（1443.7 亿美元，商务部）的 31.5%，而非 2021 年（1734.8 亿美元）：故不记年份"
)
_N_TENTH = "The section's lead sentence says the 54 make up 十分之一 (a tenth) of the national total; the body says 13.6%"
_N_TENTH_ZH = "该节首句称其“工业总量占全国十分之一”，正文为 13.6%"

GROUP_FACTS: tuple[GroupFact, ...] = (
    G(IC, "GDP合计", "=", "9.9", "万亿元", None, _G_SCOPE),
    G(IC, "一般公共预算收入", "=", "7237", "亿元", None, _G_SCOPE),
    G(IC, "工业增加值", "=", "4.5", "万亿元", None, _G_SCOPE),
    G(IC, "占全国县级行政区划数比重", "=", "3.5", "%", None, _G_SHARE),
    G(IC, "占全国人口比重", "=", "6.6", "%", None, _G_SHARE),
    G(IC, "占全国规上从业人员比重", ">", "14", "%", None, _G_SHARE),
    G(IC, "占全国GDP比重", "≈", "10", "%", None, _G_SHARE),
    G(IC, "占全国工业增加值比重", "≥", "14", "%", None, _G_SHARE),
    G(IC, "占全国规上工业企业利润总额比重", "≈", "16", "%", None, _G_SHARE),
    G(IC, "占全国消费比重", "=", "8.6", "%", None, _G_CONS),
    G(IC, "占全国出口比重", "=", "12.5", "%", None, _G_CONS),
    G(IC, "全部工业增加值实现增长的县（市）数", "=", "92", "个", None, _G_GROW),
    G(IC, "工业增加值增速高于全国平均的县（市）数", "=", "88", "个", None, _G_GROW),
    G(IC, "工业增加值增速8%以上的县（市）数", "=", "10", "个", None, _G_GROW),
    G(IC, "R&D经费支出合计", ">", "2300", "亿元", None, _G_RD),
    G(IC, "R&D经费支出占全国比重", "≈", "10", "%", None, _G_RD),
    G(IC, "全社会研发投入超过40亿元的县（市）数", "=", "11", "个", None, _G_RD2),
    G(IC, "全社会研发投入超过80亿元的县（市）数", "=", "4", "个", None, _G_RD2),
    G(IC, "研发投入强度3.5%以上的县（市）数", "=", "8", "个", None, _Q_RDI),
    G(IC, "专利授权累计数合计", ">", "300", "万件", None, _G_PAT),
    G(IC, "万人发明专利拥有量高于40件的县（市）数", "=", "14", "个", None, _G_PAT),
    G(IC, "万人发明专利拥有量60件以上的县（市）数", "=", "7", "个", None, _G_PAT),
    G(IC, "工业投资正增长的县（市）占比", "≈", "八成", "%", None, _G_INV),
    G(
        IC,
        "工业投资正增长的县（市）中增速超过全国平均的占比",
        "≥",
        "80",
        "%",
        None,
        _G_INV,
        note="The sentence does not say what the 80% is of. Read as of the counties whose investment "
        "grew: 近八成 (fewer than 80) of the 100 grew, and a county cannot pass the national average "
        "without growing, so 80% of the 100 is not possible",
        note_zh="原文未说明 80% 的分母。此处理解为投资正增长的县（市）中的占比：百强中正增长的不足八成，"
        "而超过全国平均水平必先正增长，故不可能是百强的 80%",
    ),
    G(IC, "工业投资增速15%以上的县（市）数", "=", "21", "个", None, _G_INV),
    G(IC, "出口总额超过500亿元的县（市）数", "=", "10", "个", None, _Q_EX5),
    G(IC, "出口总额超过200亿元的县（市）数", "=", "19", "个", None, _Q_EX2),
    G(IC, "城镇居民人均可支配收入超过全国平均的县（市）数", "=", "69", "个", None, _G_INC),
    G(IC, "城镇居民人均可支配收入5万元以上的县（市）数", "=", "47", "个", None, _G_INC),
    G(IC, "社会消费品零售总额合计", "≈", "3.4", "万亿元", None, _G_RET),
    G(IC, "社会消费品零售总额占全国比重", "≈", "9", "%", None, _G_RET),
    G(IC, "社会消费品零售总额超过500亿元的其他县（市）数", "=", "15", "个", None, _Q_RET),
    G("all-counties", "县（市）生产总值", "=", "29.14", "万亿元", 2013, _G_ALL),
    G("all-counties", "县（市）生产总值", "=", "34.70", "万亿元", 2017, _G_ALL),
    G("all-counties", "县（市）生产总值", "=", "39.18", "万亿元", 2020, _G_ALL),
    G("all-counties", "县（市）人均GDP", "=", "4.4", "万元", 2020, _G_PC),
    G("county-areas", "县域网络零售额", "=", "3.53", "万亿元", 2020, _G_NET),
    G("county-areas", "县域网络零售额同比增长", "=", "14.0", "%", 2020, _G_NET),
    G("county-areas", "县域网络零售额占全国比重", "=", "30", "%", 2020, _G_NET),
    G("all-counties", "GDP千亿县数量", "=", "43", "个", 2021, _G_KX),
    G("all-counties", "位于中西部的GDP千亿县数量", "=", "8", "个", 2021, _G_KX),
    G(ID, "社会消费品零售总额", "=", "4.6", "万亿元", 2021, _D_RET21, note=_N_RET21, note_zh=_N_RET21_ZH),
    G(ID, "社会消费品零售总额占全国比重", "≈", "12", "%", 2021, _D_RET21, note=_N_RET21, note_zh=_N_RET21_ZH),
    G(ID, "专利总量", "=", "578.0", "万件", 2021, _D_PAT21),
    G(ID, "专利总量占全国比重", "=", "5.4", "%", 2021, _D_PAT21),
    G(ID, "GDP合计", "=", "14.4", "万亿元", None, _D_SCOPE),
    G(ID, "工业增加值", "=", "6.0", "万亿元", None, _D_SCOPE),
    G(ID, "一般公共预算收入", "=", "1.0", "万亿元", None, _D_SCOPE),
    G(ID, "规上工业企业", "=", "6.8", "万户", None, _D_SCOPE),
    G(ID, "占全国人口比重", "<", "8", "%", None, _D_SHARE),
    G(ID, "占全国行政区划面积比重", "=", "1", "%", None, _D_SHARE),
    G(ID, "占全国GDP比重", "=", "14.2", "%", None, _D_SHARE),
    G(ID, "占全国工业增加值比重", "=", "19.1", "%", None, _D_SHARE),
    G(ID, "占全国规上工业企业利润总额比重", "=", "23", "%", None, _D_SHARE),
    G(ID, "两年平均工业增加值增速正增长的市辖区数", "=", "95", "个", None, _D_GROW),
    G(ID, "工业增加值增速高于全国平均的市辖区数", "=", "66", "个", None, _D_GROW),
    G(ID, "工业增加值两位数增长的市辖区数", "=", "19", "个", None, _D_GROW),
    G(ID, "近两年均保持正增长的市辖区数", "=", "81", "个", None, _D_GROW),
    G(ID, "人均工业增加值超过全国平均的市辖区数", "=", "94", "个", None, _D_PCIND),
    G(ID, "人均工业增加值超过10万元的市辖区数", "=", "13", "个", None, _D_PCIND),
    G(ID, "工业企业劳动生产率平均水平", "=", "72.7", "万元/人", None, _D_PROD),
    G(ID, "劳动生产率超过100万元/人的市辖区数", "=", "12", "个", None, _D_PROD),
    G(ID, "近2年规上工业企业利润总额均值", "≈", "2.2", "万亿元", None, _D_PROF),
    G(ID, "利润总额均值超过100亿元的市辖区数", "=", "49", "个", None, _D_PROF),
    G(ID, "工业企业利润率均值", "=", "8.4", "%", None, _D_MARGIN),
    G(ID, "工业企业利润率超过10%的市辖区数", "=", "28", "个", None, _D_MARGIN),
    G(ID, "专利累计数合计", "=", "578.0", "万件", None, _D_PAT),
    G(ID, "发明专利数", "=", "173.3", "万件", None, _D_PAT),
    G(ID, "发明专利占全国比重", "=", "11.7", "%", None, _D_PAT),
    G(ID, "每万人发明专利拥有量", "=", "56.5", "件", None, _D_PAT2),
    G(ID, "万人发明专利拥有量超过100件的市辖区数", "=", "14", "个", None, _D_PAT2),
    G(ID, "专精特新小巨人企业", "=", "919", "家", None, _D_SRDI),
    G(ID, "国家技术创新示范企业", "=", "146", "家", None, _D_DEMO),
    G(ID, "城镇化率超过全国平均的市辖区数", "=", "82", "个", None, _D_URB),
    G(ID, "城镇化率90%以上的市辖区数", "=", "35", "个", None, _D_URB),
    G(ID, "城镇化率100%的市辖区数", "=", "16", "个", None, _D_URB),
    G(ID, "人均GDP", "≈", "12", "万元", None, _D_GDPPC),
    G(ID, "人均GDP超过21万元的市辖区数", "=", "15", "个", None, _D_GDPPC),
    G(ID, "城镇居民人均可支配收入均值", "=", "5.5", "万元", None, _D_INC),
    G(ID, "人均社会消费品零售总额", "=", "4.6", "万元", None, _D_RETPC),
    G(ID, "社会消费品零售总额合计", "=", "46061.1", "亿元", None, _D_RET),
    G(ID, "社会消费品零售总额占全国比重", "≈", "11.8", "%", None, _D_RET),
    G(ID, "社会消费品零售总额超过500亿元的市辖区数", "=", "34", "个", None, _D_RET),
    G(ID, "社会消费品零售总额超过1000亿元的市辖区数", "=", "11", "个", None, _Q_DRET),
    G(ID, "社会消费品零售总额占GDP比重", "=", "31.9", "%", None, _D_RETGDP),
    G(ID, "进出口总额", "=", "4.9", "万亿元", None, _D_TRADE),
    G(ID, "进出口总额占全国比重", "≈", "15.4", "%", None, _D_TRADE),
    G(ID, "实际利用外资", "≈", "455.1", "亿美元", None, _D_FDI, dated=False, note=_N_FDI, note_zh=_N_FDI_ZH),
    G(
        ID,
        "实际利用外资占全国比重",
        "≈",
        "31.5",
        "%",
        None,
        _D_FDI,
        dated=False,
        note=_N_FDI,
        note_zh=_N_FDI_ZH,
    ),
    G(ID, "实际利用外资超过5亿美元的市辖区数", "=", "30", "个", None, _D_FDI2),
    G(ID, "实际利用外资超过10亿美元的市辖区数", "=", "13", "个", None, _Q_FDI),
    G("all-districts", "工业增加值超过500亿元的市辖区数", "=", "54", "个", 2021, _D_500),
    G(D500, "占全国工业增加值比重", "≈", "13.6", "%", 2021, _D_500, note=_N_TENTH, note_zh=_N_TENTH_ZH),
    G("all-districts", "工业增加值超过1000亿元的市辖区数", "=", "13", "个", 2021, _D_500),
    G(AC, "东部地区县（市）GDP占全国县（市）比重", "=", "40.6", "%", None, _G_REGSHARE),
    G(AC, "中部地区县（市）GDP占全国县（市）比重", "=", "29.8", "%", None, _G_REGSHARE),
    G(AC, "西部地区县（市）GDP占全国县（市）比重", "=", "25.1", "%", None, _G_REGSHARE),
    G(AC, "东北地区县（市）GDP占全国县（市）比重", "=", "4.5", "%", None, _G_REGSHARE),
    G(AC, "东部地区县（市）GDP占比较2013年降低", "=", "1.8", "个百分点", None, _G_REGSHARE),
    G(AC, "中部地区县（市）GDP占比较2013年提升", "=", "4.7", "个百分点", None, _G_REGSHARE),
    G(AC, "西部地区县（市）GDP占比较2013年提升", "=", "1.8", "个百分点", None, _G_REGSHARE),
    G(AC, "东北地区县（市）GDP占比较2013年降低", "=", "4.7", "个百分点", None, _G_REGSHARE),
    G(AC, "东北地区县（市）GDP", "=", "2.69", "万亿元", 2013, _G_NE),
    G(AC, "东北地区县（市）GDP", "=", "2.03", "万亿元", 2017, _G_NE),
    G(AC, "东北地区县（市）GDP", "=", "1.76", "万亿元", 2020, _G_NE),
    G(AC, "东北地区县（市）GDP占国内GDP比重", "=", "4.73", "%", 2013, _G_NE),
    G(AC, "东北地区县（市）GDP占国内GDP比重", "=", "2.46", "%", 2017, _G_NE),
    G(AC, "东北地区县（市）GDP占国内GDP比重", "=", "1.73", "%", 2020, _G_NE),
    G("county-level", "县级行政区划数量", "=", "2844", "个", 2020, _G_COUNT),
    G("all-districts", "市辖区较2013年增加", "=", "101", "个", 2020, _G_COUNT),
    G(AC, "县（市）较2013年减少", "=", "110", "个", 2020, _G_COUNT),
    G("national", "政府产业引导基金", "=", "1898", "只", None, _D_FUND),
    G("county-level", "区县级政府产业引导基金", "=", "573", "只", None, _D_FUND),
    G("county-level", "区县级政府产业引导基金占全部比重", "=", "30", "%", None, _D_FUND),
    G("all-districts", "注册地址位于市辖区的区县级政府产业引导基金", "=", "310", "只", None, _D_FUND),
    G("national", "国内上市工业企业", "=", "3314", "家", None, _D_LISTED),
    G("all-districts", "注册地址位于市辖区的上市工业企业", "=", "2518", "家", None, _D_LISTED),
    G("all-districts", "注册地址位于市辖区的上市工业企业占比", "≥", "75", "%", None, _D_LISTED),
    G(D500, "位于东部地区的数量", "=", "41", "个", None, _D_REG),
    G(D500, "位于中部地区的数量", "=", "5", "个", None, _D_REG),
    G(D500, "位于西部地区的数量", "=", "6", "个", None, _D_REG),
    G(D500, "位于东北地区的数量", "=", "2", "个", None, _D_REG),
    G(D500, "位于国家级城市群的占比", "=", "77", "%", None, _D_CLUS),
    G(D500, "位于长江三角洲城市群的数量", "=", "18", "个", None, _D_CLUS),
    G(D500, "位于粤港澳大湾区的数量", "=", "15", "个", None, _D_CLUS),
    G(D500, "位于长江中游城市群的数量", "=", "4", "个", None, _D_CLUS),
    G(D500, "位于成渝城市群的数量", "=", "3", "个", None, _D_CLUS),
    G(D500, "位于呼包鄂榆城市群的数量", "=", "1", "个", None, _D_CLUS),
    G(D500, "位于关中平原城市群的数量", "=", "1", "个", None, _D_CLUS),
    G(D500, "位于其他非国家级城市群的数量", "=", "12", "个", None, _D_CLUS),
    G(D500, "国内上市公司数量", "=", "890", "家", None, _D_LIST),
    G(D500, "国内上市公司注册资本", "≈", "7617.1", "亿元", None, _D_LIST),
    G(D500, "制造业上市公司数量", "=", "673", "家", None, _D_LIST),
    G(D500, "制造业上市公司注册资本", "≈", "4662.1", "亿元", None, _D_LIST),
    G(
        D500,
        "制造业上市公司超过20家的市辖区数",
        "=",
        "13",
        "个",
        None,
        _D_LIST20,
        note="Filed with the 54 districts over 500 亿 by its paragraph; the sentence does not say the 13 "
        "are among them",
        note_zh="按所在段落归入超 500 亿市辖区；原句未说明这 13 个市辖区均在 54 个之中",
    ),
    G(ID, "东部地区百强区工业企业利润总额均值", "=", "251.8", "亿元", None, _D_PREG),
    G(ID, "东部地区百强区工业企业利润率均值", "=", "7.6", "%", None, _D_PREG),
    G(ID, "中部地区百强区工业企业利润总额均值", "=", "101.5", "亿元", None, _D_PREG),
    G(ID, "中部地区百强区工业企业利润率均值", "=", "9.5", "%", None, _D_PREG),
    G(ID, "西部地区百强区工业企业利润总额均值", "=", "142.4", "亿元", None, _D_PREG),
    G(ID, "西部地区百强区工业企业利润率均值", "=", "12.4", "%", None, _D_PREG),
    G(ID, "东北地区百强区工业企业利润总额均值", "=", "189.5", "亿元", None, _D_PREG),
    G(ID, "东北地区百强区工业企业利润率均值", "=", "22.2", "%", None, _D_PREG),
)


@dataclass(frozen=True)
class Slip:
    """A place where the report contradicts its own tables or itself, as the audit shows it.

    The audit reads these as data: a line of the audit that differs where no slip says the report
    does (or a slip no longer seen) means the data or the code changed, and fails the audit.

    Attributes:
        audit_id: The id of the audit's line.
        differs: Where the report and the data part, exactly as the audit words it.
        reason: Why, in English; ``reason_zh`` in Chinese.
    """

    audit_id: str
    differs: str
    reason: str
    reason_zh: str


SLIPS: tuple[Slip, ...] = (
    Slip(
        "id-leaders",
        "四川 report 34 / data 33",
        "The prose gives 翠屏区, 四川's first, rank 34; 表3 ranks it 33 (34 is 龙泉驿区)",
        "正文称四川排名首位的翠屏区为第 34 名；表 3 中翠屏区为第 33 名（第 34 名为龙泉驿区）",
    ),
    Slip(
        "cutoff-dates",
        "图 15 report 2021年7月31日 / data 2022年7月31日",
        "图15's footnote dates the divisions 2021-07-31; the tables' footnotes, 2022-07-31",
        "图 15 的脚注称行政区划统计截至 2021 年 7 月 31 日，各表脚注为 2022 年 7 月 31 日",
    ),
    Slip(
        "d500-region-share",
        "东北 report > 75 / data 3.7; 东部 data 75.9; 中部 data 9.3; 西部 data 11.1",
        "The sentence says 东北 holds over 75%; its own counts give 东部 75.9% (41 of 54): 东部 was meant",
        "原句称东北地区占比超过 75%；按其自身数字，东部为 75.9%（54 个中的 41 个）：应为东部",
    ),
    Slip(
        "feature-cluster-provinces",
        "report 5 / data 6",
        "'等5个省份' names six provinces (河北、山东、安徽、湖北、湖南、贵州)",
        "“等 5 个省份”列出了六个省份（河北、山东、安徽、湖北、湖南、贵州）",
    ),
    Slip(
        "id-leaders-table",
        "report 表2 / data 表3",
        "The prose points to 表2 (the innovation list) for the districts' ranks, which are in 表3",
        "正文称各区排名见表 2（创新百强县），实为表 3",
    ),
    Slip(
        "bc-prose-names",
        "江阴市 report 金融新材料产业集群 / data 金属新材料产业集群",
        "The prose writes 金融 (finance) for 表5's 金属 (metal) 新材料产业集群",
        "正文写作“金融新材料产业集群”，表 5 为“金属新材料产业集群”",
    ),
)
