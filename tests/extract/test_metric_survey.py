"""Forms from the review of 25 unseen 人民日报 articles (issue 14): one assertion per form, each by name."""

import pytest

from pipeline.extract import extract_metrics


def _rows(text):
    return [(m.raw_text, m.value, m.unit) for m in extract_metrics(text)]


@pytest.mark.parametrize(("text", "raw", "value", "unit"), [
    # U1: 个 before a time noun belongs to the unit
    ("每天基本上只睡5个小时。", "5个小时", 5, "小时"),
    ("科考事业已走过35个年头。", "35个年头", 35, "年"),
    # U2: a two-character measure word of trips is not cut
    ("累计发送234趟次。", "234趟次", 234, "趟次"),
    ("引领中外籍船舶4384艘次。", "4384艘次", 4384, "艘次"),
    # U3: a number of people with no measure word counts 人
    ("每天出院人数超过100。", "超过100", 100, "人"),
    # M5: a small Chinese numeral, 百余, 上千 or 半 before a measure word that counts or measures
    ("最高法发布七起典型案例。", "七起", 7, "起"),
    ("紧急再造两所医院。", "两所", 2, "所"),
    ("减免两个月租金。", "两个月", 2, "月"),
    ("一个多小时的演出结束后。", "一个多小时", 1, "小时"),
    ("用时一个半小时。", "一个半小时", 1.5, "小时"),
    ("让煤裂变出百余种高端化工产品。", "百余种", 100, "种"),
    ("上千名志愿者自发前来。", "上千名", 1000, "名"),
    ("乘坐城际列车半小时即达。", "半小时", 0.5, "小时"),
    ("阿里地区已经建成上千座大棚。", "上千座", 1000, "座"),
    # M1: a magnitude with no measure word next to a noun of people
    ("总人口达11.81亿，占全国的84.66%。", "11.81亿", 1_181_000_000, "人"),
    ("人口2.67万，现有确诊患者23人。", "2.67万", 26_700, "人"),
    ("今年将招收40多万高校毕业生。", "40多万", 400_000, "人"),
    # M4: a noun that counts itself, with no measure word
    ("收到国内3省（区、市）报告新增确诊病例77例。", "3省（区、市）", 3, "个"),
    ("退役军人事务部等20部门联合印发意见。", "20部门", 20, "个"),
    # a listed count of places, a quoted name of the things counted: still counts
    ("河北、辽宁、重庆、黑龙江、上海、福建等6个地区开工率超过80%。", "6个", 6, "个"),
    ("1596个“千项万亿”重大项目完成投资。", "1596个", 1596, "个"),
    # M3: measure words the list missed
    ("全区专业乌兰牧骑共75支。", "75支", 75, "支"),
    ("捐赠2万箱纯牛奶。", "2万箱", 20_000, "箱"),
    ("以2节至3节的航速破冰。", "2节至3节", 2, "节"),
    ("往下贯穿5层甲板。", "5层", 5, "层"),
    ("可年产氢气1.6亿标方。", "1.6亿标方", 160_000_000, "标方"),
])
def test_survey_form(text, raw, value, unit):
    rows = [r for r in _rows(text) if r[0] == raw]
    assert rows, _rows(text)
    assert rows[0][2] == unit and rows[0][1] == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "上半年增长。",  # 上半年 is a period
    "经过成千上万次训练。",  # 成千上万: an idiom
    "烟气蔓延至二层。",  # 二 before a measure word is an ordinal
    "逐梦九天的征程。",  # 九天: the heavens
    "总产值达1.2万，",  # a decimal with no measure word counts only people
    # E1: the text's own lists and named rule-sets
    "明确坚持现役与退役衔接、权利与义务对等、普惠与优待叠加、当前与长远统筹等4项原则。",
    "涵盖荣誉激励、生活、养老、医疗、住房、教育、文化交通、其他优待共8个方面。",
    "队员们严格执行12个“一律”要求。",
    # E2: digits inside a quoted rule name or a book title
    "严格执行7个“百分之百”。",
    "编写了《人民政协提案工作70年》读本。",
])
def test_survey_not_a_metric(text):
    assert _rows(text) == []


def test_magnitude_leaves_no_float_noise():
    # V1: 1.1 × 1e8 in binary floats is 110000000.00000001
    assert [m.value for m in extract_metrics("力争拆除1.1亿平方米。")] == [110_000_000.0]


def test_noun_counter_is_its_subject_and_leaves_the_next_subject():
    # M4/S7: 9省（区、市） is a count of provinces; the 27例 after it no longer starts with （区、市）
    rows = extract_metrics("9省（区、市）报告新增疑似病例27例。")
    assert [(m.raw_text, m.subject) for m in rows] == [("9省（区、市）", "省（区、市）"), ("27例", "报告新增疑似病例")]


@pytest.mark.parametrize(("text", "raw", "kind"), [
    # K1: a plan word inside a noun phrase or naming the plan a result is measured against
    ("一看到同创汇的规划图，他就拿下了一间2300平方米的旧作坊。", "2300平方米", "achievement"),
    ("税收收入增长6.3%，高于目标增速0.3个百分点。", "0.3个百分点", "achievement"),
    ("完成实际利用外资3.11亿美元，完成年初计划的8.2%。", "8.2%", "achievement"),
    ("瞄准走在全国前列的目标发力，今年新建公厕1927座。", "1927座", "achievement"),
    ("紧紧围绕国家能源发展规划，聚烯烃产能国内占比达10%以上。", "10%以上", "achievement"),
    ("计划建设的新站，与现有4座考察站所处区域不同。", "4座", "achievement"),
    ("今年经济增长速度的宏观调控目标，定为8%。", "8%", "target"),
    # K2: 要 as "has to" (每天要) and 就要 "about to" promise nothing
    ("复工以来，每天要处理紧急订单1万多批次。", "1万多批次", "achievement"),
    ("走出定点医院，就要回到离别20多天的家。", "20多天", "achievement"),
    # K3: plan words the list missed
    ("我们打算今年下半年再招5名舞蹈演员。", "5名", "target"),
    ("共推进改造项目685个，到今年底可累计完成项目300个。", "300个", "target"),
])
def test_survey_kind(text, raw, kind):
    assert [m.kind for m in extract_metrics(text) if m.raw_text == raw] == [kind]


@pytest.mark.parametrize(("text", "raw", "subject"), [
    # S3: a subject is not cut inside a word, at a bracket the clause cut in two, or before a bullet
    ("医疗队总共有4.2万多人，怎么做到零感染？", "4.2万多人", "医疗队"),
    ("建新社区党委、居委会工作人员一共5人。", "5人", "建新社区党委、居委会工作人员"),
    ("2020年1月全国（不含湖北省）查处违反中央八项规定精神问题8228起。", "8228起", "查处违反中央八项规定精神问题"),
    ("配建公共服务设施（场所）1772个。", "1772个", "配建公共服务设施（场所）"),
    ("●广义中小城市经济总量达76.43万亿元。", "76.43万亿元", "广义中小城市经济总量"),
    ("审理拐卖儿童、猥亵儿童、组织儿童乞讨等侵害未成年人合法权益的刑事案件28975件。", "28975件",
     "侵害未成年人合法权益的刑事案件"),
    # S4: a verb or adverb names nothing; the noun after the figure does
    ("经过60多年发展，规模不断扩大。", "60多年", "发展"),
    ("一位85岁的老人起初几天体温正常。", "85岁", "老人"),
    # S3 after the count: a compound noun with a verb inside, a character jieba leaves alone, a predicate
    ("村里新建了36处垃圾收集站，新增公共绿地。", "36处", "垃圾收集站"),
    ("动员33万名网格员，建立防护网络。", "33万名", "网格员"),
    ("全省超过2万家社会组织、志愿者团队投入一线。", "超过2万家", "社会组织、志愿者团队"),
    ("在社区门口，3辆出租车停在前坪。", "3辆", "出租车"),
    ("造成6名青少年受伤。", "6名", "青少年"),
])
def test_survey_subject(text, raw, subject):
    assert [m.subject for m in extract_metrics(text) if m.raw_text == raw] == [subject]


def test_long_subject_keeps_whole_words():
    # S3: cut to 24 characters at a word's start, not inside 莫斯科
    m = extract_metrics("截至目前，莫斯科中国文化中心已在各大平台推出抗疫主题图文介绍近百次。")[0]
    assert not m.subject.startswith("斯科")


def test_date_is_no_subject():
    # S5: 20日 dates the figure
    assert extract_metrics("20日新增77例。")[0].subject != "20日"
