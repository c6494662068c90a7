"""The forms of issue 13, one assertion each: a name in mid-clause, chains of offices, lists
sharing a title, foreign leaders, open-class titles, signature lines, name before title,
traditional characters, and what is not a person."""

from pipeline.build import sections_of
from pipeline.extract.people import extract_people, office_and_name
from pipeline.extract.script import as_written_person, reading_text


def roles(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(p.person, p.organization, p.titles) for p in extract_people(text)]


def test_a_name_in_the_middle_of_a_clause():
    assert roles("近日，国家主席习近平在北京会见来访的塞内加尔总统萨勒。") == [
        ("习近平", "", ("国家主席",)), ("萨勒", "塞内加尔", ("总统",))]
    assert roles("国务院总理李强当地时间12日在新加坡表示。") == [("李强", "国务院", ("总理",))]


def test_a_chain_of_offices_of_different_bodies_keeps_each_body():
    assert roles("中共中央总书记、国家主席、中央军委主席习近平出席") == [
        ("习近平", "", ("中共中央总书记", "国家主席", "中央军委主席"))]


def test_a_chain_of_one_body_shares_it():
    assert roles("市委常委、常务副市长王建国3日表示") == [("王建国", "市委", ("常委", "常务副市长"))]
    assert roles("全国政协副主席兼秘书长王东峰主持") == [("王东峰", "全国政协", ("副主席", "秘书长"))]


def test_a_list_shares_the_title():
    assert roles("副市长张三、李四、王五出席") == [("张三", "", ("副市长",)), ("李四", "", ("副市长",)),
                                               ("王五", "", ("副市长",))]
    assert [p.person for p in extract_people("大会主席团常务主席、执行主席赵乐际、李鸿忠主持")] == ["赵乐际", "李鸿忠"]


def test_a_name_that_fails_a_check_does_not_end_the_list():
    names = [p.person for p in extract_people("中共中央政治局常委李克强、栗战书、汪洋、王沪宁出席")]
    assert names == ["李克强", "栗战书", "汪洋", "王沪宁"]


def test_names_without_a_han_surname():
    assert roles("自治区主席艾尔肯·吐尼亚孜主持会议") == [("艾尔肯·吐尼亚孜", "自治区", ("主席",))]
    assert roles("蒙古国总理奥云额尔登对我国进行正式访问") == [("奥云额尔登", "蒙古国", ("总理",))]
    assert roles("俄罗斯外交部发言人扎哈罗娃表示") == [("扎哈罗娃", "俄罗斯外交部", ("发言人",))]


def test_foreign_leaders_and_former_offices():
    assert roles("玻利维亚前总统莫拉莱斯说") == [("莫拉莱斯", "玻利维亚", ("总统",))]
    assert roles("以色列国防部长卡茨发表声明称") == [("卡茨", "以色列", ("国防部长",))]
    assert roles("的科特迪瓦副总统科内、") == [("科内", "科特迪瓦", ("副总统",))]


def test_open_class_titles():
    assert roles("赵乐际会见日本日中友好议员联盟会长、自民党干事长森山裕。") == [
        ("森山裕", "", ("日本日中友好议员联盟会长", "自民党干事长"))]
    assert roles("军事科学院政治委员凌焕新出席") == [("凌焕新", "军事科学院", ("政治委员",))]


def test_organisations_without_a_generic_suffix_and_no_glued_words():
    assert roles("国家林业和草原局局长关志鸥介绍") == [("关志鸥", "国家林业和草原局", ("局长",))]
    assert roles("上海市委书记陈吉宁和市长龚正陪同") == [("陈吉宁", "上海市委", ("书记",)), ("龚正", "", ("市长",))]


def test_signature_lines():
    assert roles("海拉尔区人民政府区长　　杜联合") == [("杜联合", "海拉尔区人民政府", ("区长",))]
    assert roles("代区长  向诗兵") == [("向诗兵", "", ("代区长",))]


def test_name_before_title():
    [p] = extract_people("刘鹏局长指出，要加快建设。")
    assert (p.person, p.organization, p.titles) == ("刘鹏", "", ("局长",))


def test_not_people():
    assert roles("在习近平主席英明领导下，四川地处长江上游。") == [("习近平", "", ("主席",))]
    assert roles("总书记来过我家，村民们都很高兴。") == []


def test_interviewee_line_with_a_name_the_tagger_does_not_know():
    p = office_and_name("哈萨克斯坦总统战略研究所首席研究员瑟罗耶日金")
    assert (p.person, p.organization, p.titles) == ("瑟罗耶日金", "哈萨克斯坦总统战略研究所", ("首席研究员",))


def test_traditional_text_is_read_as_simplified_and_rows_keep_its_script():
    text = "縣委書記李高嶺表示，國務院總理李強出席。"
    reading = reading_text(text)
    assert len(reading) == len(text) and reading != text
    found = [as_written_person(p, reading, text) for p in extract_people(reading)]
    assert [(p.person, p.organization, p.titles) for p in found] == [
        ("李高嶺", "縣委", ("書記",)), ("李強", "國務院", ("總理",))]
    assert all(text[p.name_start:p.name_start + len(p.person)] == p.person for p in found)


def test_simplified_text_is_read_as_it_is():
    text = "国务院总理李强出席。"
    assert reading_text(text) is text


def test_a_document_that_opens_with_its_title_has_a_lead():
    sections = sections_of("一季度风电发电量保持增长\n\n国家能源局11日发布数据。风电新增装机236万千瓦。\n")
    assert sections[0].kind == "lead" and sections[0].headline == "一季度风电发电量保持增长"


def test_appointments_name_the_office_after_the_names():
    assert roles("任命郭振华为全国人大常委会代表工作委员会主任。") == [
        ("郭振华", "全国人大常委会代表工作委员会", ("主任",))]
    assert roles("撤销杨小伟、景亚萍政协第十四届全国委员会委员资格。") == [
        ("杨小伟", "政协第十四届全国委员会", ("委员",)), ("景亚萍", "政协第十四届全国委员会", ("委员",))]


def test_a_list_of_offices_each_with_its_body_is_not_one_shared_office():
    assert roles("越南驻华大使范清平、巴拿马驻华大使雷鸣。") == [
        ("范清平", "越南", ("驻华大使",)), ("雷鸣", "巴拿马", ("驻华大使",))]


def test_words_between_a_body_and_a_title_belong_to_the_title():
    assert roles("俄罗斯总统新闻秘书佩斯科夫21日表示") == [("佩斯科夫", "俄罗斯", ("总统新闻秘书",))]
    assert roles("东盟轮值主席国马来西亚总理安瓦尔24日敦促") == [("安瓦尔", "马来西亚", ("总理",))]


def test_transliterated_names_of_any_length():
    assert [p.person for p in extract_people("乌克兰总统泽连斯基当天称，上海合作组织秘书长叶尔梅克巴耶夫。")] == [
        "泽连斯基", "叶尔梅克巴耶夫"]


def test_an_answers_line_is_an_interview():
    from pipeline.sections.split import split_sections

    text = "答问标题\n——中央组织部负责人就修订颁布《条例》答记者问\n近日，中共中央印发条例。\n"
    interview = split_sections(text)[0]
    assert (interview.kind, interview.person, interview.organization, interview.titles) == (
        "interview", "", "中央组织部", ("负责人",))


def test_a_title_of_two_joined_by_jian_in_one_jieba_word():
    assert roles("高通公司总裁兼首席执行官安蒙") == [("安蒙", "高通公司", ("总裁", "首席执行官"))]


def test_a_place_within_a_country_is_the_body():
    assert roles("会见德国巴伐利亚州州长索德尔") == [("索德尔", "德国巴伐利亚州", ("州长",))]


def test_a_foreign_name_before_a_title_that_jieba_knows():
    assert roles("去年我同拜登总统在旧金山会晤") == [("拜登", "", ("总统",))]


def test_phrases_after_a_title_are_no_names():
    assert roles("习近平总书记顶风冒雪，来到山村。总书记看苗情、问收成。") == [("习近平", "", ("总书记",))]


def test_three_character_names_jieba_glues_to_the_next_word():
    assert [p.person for p in extract_people("中央军委副主席张升民主持晋衔仪式，副主任委员徐辉作的报告。")] == [
        "张升民", "徐辉"]


def test_a_verb_after_a_name_is_not_part_of_it():
    assert [p.person for p in extract_people("俄总统普京表示，巴基斯坦驻华大使哈克表示。")] == ["普京", "哈克"]


def test_a_place_after_a_title_is_no_name():
    assert roles("美媒称美俄总统布达佩斯会晤计划搁置") == []


def test_a_ministry_spelled_out_before_buzhang_is_the_title():
    assert roles("德国副总理兼经济和气候保护部长哈贝克22日说") == [
        ("哈贝克", "德国", ("副总理", "经济和气候保护部长"))]
    assert roles("中共中央宣传部部长李书磊出席") == [("李书磊", "中共中央宣传部", ("部长",))]


def test_prepositions_before_a_name_before_its_title():
    assert roles("习近平主席应约同特朗普总统通话") == [("习近平", "", ("主席",)), ("特朗普", "", ("总统",))]


def test_a_name_jieba_calls_a_place():
    assert roles("国家主席习近平和俄罗斯总统普京互致新年贺电") == [
        ("习近平", "", ("国家主席",)), ("普京", "俄罗斯", ("总统",))]


def test_a_one_character_head_of_a_title():
    assert roles("江岸区四唯街道城管中队中队长任谦") == [("任谦", "江岸区四唯街道城管中队", ("中队长",))]


def test_a_state_title_in_a_party_chain_keeps_the_bodies_apart():
    assert roles("中共中央总书记、国家主席习近平出席") == [("习近平", "", ("中共中央总书记", "国家主席"))]


def test_short_country_names_and_rare_names_jieba_has():
    assert roles("与俄总统普京和乌总统泽连斯基通话，抗议美国总统拜登此前声称") == [
        ("普京", "俄", ("总统",)), ("泽连斯基", "乌", ("总统",)), ("拜登", "美国", ("总统",))]


def test_read_on_corpus_features():
    assert roles("赛中的4米70，已使徐惠琴拿到了今年") == []  # 已使 is no title
    assert roles("童书记来村后，搭建了平台") == []  # a surname and a title address someone
    assert roles("公安局燕山分局（现房山分局）向阳路派出所所长李方洪，在与") == [
        ("李方洪", "公安局燕山分局（现房山分局）向阳路派出所", ("所长",))]  # the bracket inside the body, as written


def test_more_forms_from_the_development_set():
    assert roles("栗战书委员长主持闭幕会") == [("栗战书", "", ("委员长",))]
    assert roles("免去唐一军的司法部部长职务") == [("唐一军", "司法部", ("部长",))]
    assert roles("祝贺英国国王查尔斯三世加冕") == [("查尔斯三世", "英国", ("国王",))]
    assert roles("全国人大代表夏吾卓玛是职工") == [("夏吾卓玛", "全国人大", ("代表",))]
    assert roles("俄罗斯国家安全会议副主席梅德韦杰夫24日表示") == [("梅德韦杰夫", "俄罗斯国家安全会议", ("副主席",))]
    assert roles("人社部就业促进司司长张莹说") == [("张莹", "人社部就业促进司", ("司长",))]
    assert roles("中国农业银行湖南省分行原副巡视员蒋祁") == [("蒋祁", "中国农业银行湖南省分行", ("副巡视员",))]


def test_a_title_after_a_name_is_that_names_title():
    assert roles("感谢习近平主席今天上午在论坛峰会开幕式致辞") == [("习近平", "", ("主席",))]
    assert roles("在习近平主席卓越领导下，中国") == [("习近平", "", ("主席",))]
    assert "向普京" not in [p.person for p in extract_people("特别是向普京总统表示感谢")]


def test_forms_from_development_batch_five():
    assert roles("洪都拉斯总统卡斯特罗28日发表声明") == [("卡斯特罗", "洪都拉斯", ("总统",))]
    assert roles("莫斯科市长索比亚宁称") == [("索比亚宁", "莫斯科", ("市长",))]
    assert roles("会见柬埔寨副首相兼公务员部大臣洪玛尼") == [("洪玛尼", "柬埔寨", ("副首相", "公务员部大臣"))]
    assert roles("中国驻非盟使团团长刘豫锡表示") == [("刘豫锡", "中国驻非盟使团", ("团长",))]


def test_read_on_corpus_transcripts():
    assert roles("贸易紧张局势 加总理称加遭“直接攻击”") == []
    assert roles("发言时遭到在场的反对党议员抗议，现场一度") == []
    assert [p.person for p in extract_people("朝鲜劳动党总书记、国务委员长金正恩16日")] == ["金正恩"]
    assert [p.person for p in extract_people("斐济总理兰布卡、文莱苏丹哈桑纳尔举行")] == ["兰布卡"]
    assert roles("日本前首相、国际儒学联合会理事长福田康夫") == [
        ("福田康夫", "", ("日本首相", "国际儒学联合会理事长"))]
    assert [p.person for p in extract_people("圣多美和普林西比总理特罗瓦达。以色列驻华大使贝以理、")] == [
        "特罗瓦达", "贝以理"]


def test_a_party_committee_alone_is_the_body_of_its_secretary():
    assert roles("乐平镇新旗村党委书记钟志行说") == [("钟志行", "乐平镇新旗村党委", ("书记",))]
    assert roles("中共中央政治局常委李强、蔡奇出席") == [
        ("李强", "中共中央政治局", ("常委",)), ("蔡奇", "中共中央政治局", ("常委",))]
    # in a chain with the unit's own title it stays one of the unit's titles
    assert roles("农业农村部党组书记、部长唐仁健说") == [("唐仁健", "农业农村部", ("党组书记", "部长"))]


def test_a_name_that_takes_or_leaves_an_office():
    assert roles("中共中央决定：倪岳峰同志任河北省委委员、常委、书记，王东峰同志不再担任河北省委书记、常委、委员职务。") == [
        ("倪岳峰", "河北省委", ("委员", "常委", "书记")), ("王东峰", "河北省委", ("书记", "常委", "委员"))]
    assert roles("王东明当选为中华全国总工会主席。") == [("王东明", "中华全国总工会", ("主席",))]
    assert roles("张三任务繁重。") == []


def test_common_words_between_an_organisation_and_a_title_qualify_the_title():
    assert roles("巴基斯坦独立新闻社中国业务总监贾韦德·阿赫塔尔说") == [
        ("贾韦德·阿赫塔尔", "巴基斯坦独立新闻社", ("中国业务总监",))]


def test_a_transliterated_name_ends_before_the_word_glued_to_it():
    assert [p.person for p in extract_people("俄罗斯总统普京在23日发布命令")] == ["普京"]
    assert [p.person for p in extract_people("巴西联邦共和国总统雅伊尔·梅西亚斯·博索纳罗于10月24日至26日访华")] == [
        "雅伊尔·梅西亚斯·博索纳罗"]


def test_an_envoy_title_names_whose_envoy():
    assert roles("习近平主席特别代表、国家副主席王岐山在首尔出席") == [
        ("习近平", "", ("主席",)), ("王岐山", "", ("习近平主席特别代表", "国家副主席"))]


def test_the_country_at_the_head_of_a_list_of_its_officials():
    assert roles("会见美国副总统彭斯、国务卿蓬佩奥。") == [("彭斯", "美国", ("副总统",)), ("蓬佩奥", "美国", ("国务卿",))]


def test_an_organisation_before_a_name_and_its_title():
    assert roles("中国科学院物理研究所陈立泉院士表示") == [("陈立泉", "中国科学院物理研究所", ("院士",))]


def test_new_is_no_part_of_a_title_or_its_body():
    assert roles("穆伊祖当选马尔代夫新一任总统。") == [("穆伊祖", "马尔代夫", ("总统",))]


def test_a_body_does_not_open_with_the_sentences_verb():
    assert roles("正如绿地控股集团董事长张玉良所说") == [("张玉良", "绿地控股集团", ("董事长",))]
    assert [p.person for p in extract_people("韩正作为习近平主席特别代表来法出席巴黎奥运会开幕式")] == ["习近平"]


def test_words_that_name_no_body_after_a_list_mark_join_the_title():
    assert roles("柬埔寨人民党主席、政府首相洪森会见") == [("洪森", "柬埔寨人民党", ("主席", "政府首相"))]


def test_the_body_before_a_name_starts_after_the_name_before_it():
    assert roles("中国科学院物理研究所陈立泉院士和中国电子科技集团第十四研究所贲德院士出席") == [
        ("陈立泉", "中国科学院物理研究所", ("院士",)), ("贲德", "中国电子科技集团第十四研究所", ("院士",))]


def test_compound_titles_of_foreign_offices():
    assert roles("委内瑞拉常驻联合国代表蒙卡达28日表示") == [("蒙卡达", "委内瑞拉", ("常驻联合国代表",))]
    assert roles("会见美国总统国家安全事务助理沙利文。") == [("沙利文", "美国", ("总统国家安全事务助理",))]
    assert roles("哈马斯高级官员哈姆丹表示") == [("哈姆丹", "哈马斯", ("高级官员",))]
    assert roles("党和国家领导人李强、赵乐际出席") == []


def test_a_title_is_no_name_and_no_name_is_a_modifier():
    assert roles("清华大学马克思主义学院特聘教授王某说") == [("王某", "清华大学马克思主义学院", ("特聘教授",))]


def test_a_congratulation_on_taking_office():
    assert roles("国家主席习近平致电娜塔莎·皮尔茨·穆萨尔，祝贺她就任斯洛文尼亚共和国总统。") == [
        ("习近平", "", ("国家主席",)), ("娜塔莎·皮尔茨·穆萨尔", "斯洛文尼亚共和国", ("总统",))]


def test_an_abbreviated_body_after_a_country_and_a_date_before_a_body():
    assert roles("随队出征的中国足协副主席孙雯1月30日在") == [("孙雯", "中国足协", ("副主席",))]
    assert roles("习近平2月4日同苏丹共和国总统巴希尔互致贺电") == [("巴希尔", "苏丹共和国", ("总统",))]


def test_a_named_body_before_words_of_the_title():
    assert roles("俄罗斯国家杜马主席沃洛金8日表示") == [("沃洛金", "俄罗斯国家杜马", ("主席",))]
    assert roles("白宫新闻秘书莱维特称") == [("莱维特", "白宫", ("新闻秘书",))]
    assert [p.person for p in extract_people("伊朗总统莱希祝伟大的中国和中国人民")] == ["莱希"]


def test_a_transliterated_name_before_its_title_that_the_tagger_cut_short():
    assert roles("习近平主席同托卡耶夫总统两度会晤") == [("习近平", "", ("主席",)), ("托卡耶夫", "", ("总统",))]
    assert roles("习近平主席同谢尔达尔·别尔德穆哈梅多夫总统共同宣布") == [
        ("习近平", "", ("主席",)), ("谢尔达尔·别尔德穆哈梅多夫", "", ("总统",))]


def test_an_occupation_needs_a_body_and_a_body_joined_by_de():
    assert roles("神舟十八号航天员叶光富、李聪、李广苏，在中国空间站") == []
    assert roles("同济大学34岁的青年教授施宇智说") == [("施宇智", "同济大学", ("教授",))]
    assert roles("客运站派出所民警孙国明驾驶摩托车") == [("孙国明", "客运站派出所", ("民警",))]


def test_a_spaced_out_name_on_a_signature_line_and_adverbs_are_no_names():
    assert roles("2026-02-09 上海市市长 龚 正 各位代表：") == [("龚正", "上海市", ("市长",))]
    assert roles("党中央不设主席只设总书记，总书记") == []


def test_a_name_the_tagger_missed_before_a_date_or_a_verb():
    assert roles("全国人大常委会委员长栗战书6日在北京会见") == [("栗战书", "全国人大常委会", ("委员长",))]
    assert roles("向阳街道工会主席高威拿起一条长绳") == [("高威", "向阳街道工会", ("主席",))]
    assert roles("市委书记高度重视。") == []


def test_a_character_glued_after_a_name_and_a_name_the_text_always_writes_longer():
    assert [p.person for p in extract_people("国务院副总理韩正以视频方式出席")] == ["韩正"]
    text = "原国务委员兼国防部长魏凤和严重违纪。关于魏凤和问题的报告。魏凤和身为党员。"
    assert [p.person for p in extract_people(text)] == ["魏凤和"]
    text = "中共中央政治局常委蔡奇出席会议。蔡奇出席活动。蔡奇出席仪式。"
    assert [p.person for p in extract_people(text)] == ["蔡奇"]  # 出席 is a word each time: no 蔡奇出


def test_names_jieba_reads_as_other_words():
    assert roles("会见美国前国务卿基辛格。") == [("基辛格", "美国", ("国务卿",))]  # jieba: a noun
    assert roles("毛泽东主席、周恩来总理同尼克松总统会谈") == [
        ("毛泽东", "", ("主席",)), ("周恩来", "", ("总理",)), ("尼克松", "", ("总统",))]  # jieba: 周恩来 a time word


def test_taking_an_office_after_congratulations_and_holding_one_with_shi():
    assert roles("习近平致电祝贺苏林当选越共中央总书记。") == [("苏林", "越共中央", ("总书记",))]
    assert roles("邹文斌是崇仁县塘坪村党支部书记。") == [("邹文斌", "崇仁县塘坪村党支部", ("书记",))]
    assert roles("李锡铭同志是中国共产党的优秀党员，") == []  # a description, not an office


def test_abbreviated_and_numbered_bodies():
    assert roles("为群众排忧解难的住建局局长陶湘闽。") == [("陶湘闽", "住建局", ("局长",))]
    assert roles("执法三队队长施镇说") == [("施镇", "执法三队", ("队长",))]
    assert roles("香港教育工作者联会会长黄均瑜表示") == [("黄均瑜", "香港教育工作者联会", ("会长",))]


def test_a_transliterated_name_written_again_by_its_last_part_is_one_row():
    from pipeline.extract.people_rows import people_rows

    text = "欢迎吉尔吉斯斯坦总统萨德尔·扎帕罗夫访问。会见吉尔吉斯斯坦总统扎帕罗夫、巴基斯坦总统扎尔达里。"
    sections = sections_of(text)
    rows = people_rows("d", text, sections, extract_people(text), "v")
    assert [(r["person"], r["mention_count"]) for r in rows] == [("萨德尔·扎帕罗夫", 2), ("扎尔达里", 1)]


def test_a_term_before_a_title_is_dropped_and_the_body_kept():
    assert roles("全国政协副主席、香港特别行政区首任行政长官董建华出席") == [
        ("董建华", "", ("全国政协副主席", "香港特别行政区行政长官"))]
    assert roles("香港特别行政区第六任行政长官李家超表示") == [("李家超", "香港特别行政区", ("行政长官",))]


def test_body_words_jieba_gives_other_classes():
    assert roles("香港青年时事评论员协会副主席陈志豪说。") == [("陈志豪", "香港青年时事评论员协会", ("副主席",))]


def test_a_transliterated_name_the_tagger_cut_short_before_its_title():
    assert roles("习近平主席和米尔济约耶夫总统的战略引领下") == [
        ("习近平", "", ("主席",)), ("米尔济约耶夫", "", ("总统",))]


def test_a_joined_or_transliterated_name_before_a_verb_of_office():
    assert roles("乌克兰议会批准由第一副外长的安德烈·西比加出任乌克兰外交部长。") == [
        ("安德烈·西比加", "乌克兰", ("外交部长",))]
    assert roles("哈萨克斯坦总统就职典礼26日举行，托卡耶夫宣誓就任总统。") == [("托卡耶夫", "", ("总统",))]
    assert roles("纳米比亚总统姆本巴。") == [("姆本巴", "纳米比亚", ("总统",))]


def test_common_nouns_qualify_a_staff_title_but_not_an_office():
    assert roles("项目主管李明渊却有点发愁") == [("李明渊", "", ("项目主管",))]
    assert roles("落实总书记殷殷嘱托") == []  # a verb before the title, a doubled character after it


def test_bodies_with_zhu_a_conjunction_or_a_route_number_inside():
    assert roles("中央政府驻香港联络办公室主任骆惠宁出席。") == [("骆惠宁", "中央政府驻香港联络办公室", ("主任",))]
    assert roles("中国驻朝鲜大使王亚军说") == [("王亚军", "中国", ("驻朝鲜大使",))]
    assert roles("铁岭县卫生和计划生育局局长宋铁峰说") == [("宋铁峰", "铁岭县卫生和计划生育局", ("局长",))]
    assert roles("公交1路车队党支部副书记鲍若石说。") == [("鲍若石", "公交1路车队党支部", ("副书记",))]
    assert roles("财政司司长陈茂波、律政司司长郑若骅出席") == [
        ("陈茂波", "财政司", ("司长",)), ("郑若骅", "律政司", ("司长",))]


def test_a_country_with_he_in_its_name_starts_its_own_list_item():
    assert [p.person for p in extract_people("巴哈马总督史密斯、安提瓜和巴布达总督威廉斯、特立尼达和多巴哥总理罗利")] == [
        "史密斯", "威廉斯", "罗利"]
    assert [p.person for p in extract_people("国际奥委会主席巴赫用四个“准备好了”来形容")] == ["巴赫"]
    assert roles("受国务院委托，教育部部长怀进鹏作了说明。") == [("怀进鹏", "教育部", ("部长",))]


def test_a_body_named_with_leader_and_a_leader_alone():
    assert roles("黎巴嫩真主党领导人纳斯鲁拉10日表示") == [("纳斯鲁拉", "黎巴嫩真主党", ("领导人",))]
    assert roles("党和国家领导人习近平出席") == []
    assert roles("峰会通过了《二十国集团领导人新德里峰会宣言》。") == []


def test_a_name_jieba_glues_to_the_title_and_a_name_cut_at_its_dot():
    assert ("沙波瓦洛夫", "国防部", ("副部长",)) in roles("包括乌总统办公室副主任季莫申科、国防部副部长沙波瓦洛夫在内")
    assert roles("巴西圣保罗州立大学经济学教授路易斯·保利诺表示") == [
        ("路易斯·保利诺", "巴西圣保罗州立大学", ("经济学教授",))]
    assert roles("乌兹别克斯坦总统米尔济约耶夫表示") == [("米尔济约耶夫", "乌兹别克斯坦", ("总统",))]


def test_an_office_removed_from_a_concurrent_post_and_a_time_before_taking_office():
    assert roles("免去王毅兼任的外交部部长职务") == [("王毅", "外交部", ("部长",))]
    assert roles("在沙尔见证下，艾曼·苏桑当天宣誓就任叙利亚驻沙特阿拉伯大使。") == [
        ("艾曼·苏桑", "叙利亚", ("驻沙特阿拉伯大使",))]
    assert roles("每次考察调研总书记都对安排方案亲自过问") == []


def test_a_quoted_name_inside_a_body_and_an_occupation_with_a_modifier():
    assert roles("泰国国家研究院泰中“一带一路”合作研究中心副主任唐隆功·吴森提兰谷表示") == [
        ("唐隆功·吴森提兰谷", "泰国国家研究院泰中“一带一路”合作研究中心", ("副主任",))]
    assert roles("扎根山区、献身教育事业的优秀教师王思明同志") == []
    assert roles("全国优秀教师王思明") == []
    assert roles("在现任连长巩虹宇理解中") == [("巩虹宇", "", ("连长",))]


def test_designated_and_senior_titles_and_members_of_a_named_body():
    assert roles("香港特别行政区候任行政长官李家超") == [("李家超", "香港特别行政区", ("候任行政长官",))]
    assert roles("巴勒斯坦伊斯兰抵抗运动（哈马斯）高级成员伊斯梅尔·巴尔胡姆。") == [
        ("伊斯梅尔·巴尔胡姆", "巴勒斯坦伊斯兰抵抗运动（哈马斯）", ("高级成员",))]
    assert roles("中央宣讲团成员、中共中央政治局委员、国务院副总理刘国中") == [
        ("刘国中", "", ("中央宣讲团成员", "中共中央政治局委员", "国务院副总理"))]
    assert roles("家庭成员李四说") == []


def test_a_delegation_abroad_and_de_before_the_title():
    assert roles("外国驻华武官团团长、赞比亚驻华国防武官佩里代表外方致答辞") == [
        ("佩里", "", ("外国驻华武官团团长", "赞比亚驻华国防武官"))]
    assert roles("张华莉是淮海中路街道社区卫生服务中心的总护士长。") == [
        ("张华莉", "淮海中路街道社区卫生服务中心", ("总护士长",))]


def test_a_name_run_that_takes_a_word_of_the_sentence_along():
    assert roles("全国人大外事委员会主任委员娄勤俭作的关于报告") == [("娄勤俭", "全国人大外事委员会", ("主任委员",))]
    assert roles("巴勒斯坦总统阿巴斯及巴方其他官员") == [("阿巴斯", "巴勒斯坦", ("总统",))]
    assert roles("美国中央司令部司令库里拉会在今天抵达以色列") == [("库里拉", "美国中央司令部", ("司令",))]
    assert roles("来自西藏的全国政协委员明吉措姆，介绍了") == [("明吉措姆", "全国政协", ("委员",))]


def test_a_company_named_by_its_brand_and_a_chief_engineer():
    assert roles("浩洋电子董事长蒋伟楷说") == [("蒋伟楷", "浩洋电子", ("董事长",))]
    assert roles("盛虹化纤副总工程师边树昌告诉记者") == [("边树昌", "", ("副总工程师",))]


def test_a_place_before_de_and_a_verb_before_a_party_name_are_no_body():
    assert roles("刚刚抵达莫斯科的国家主席习近平应约会见") == [("习近平", "", ("国家主席",))]
    assert roles("发来贺电贺函的还有社会党国际主席、希腊前总理帕潘德里欧") == [
        ("帕潘德里欧", "", ("社会党国际主席", "希腊总理"))]
    assert roles("佛得角争取民主运动主席席尔瓦表示") == [("席尔瓦", "佛得角争取民主运动", ("主席",))]


def test_a_dash_joins_two_countries_inside_a_body_and_a_field_commander_is_a_staff_title():
    assert roles("阿根廷布宜诺斯艾利斯大学阿根廷—中国研究中心研究员圣地亚哥·布斯特洛注意到") == [
        ("圣地亚哥·布斯特洛", "阿根廷布宜诺斯艾利斯大学阿根廷—中国研究中心", ("研究员",))]
    assert roles("现场指挥员陈志平带领突击队") == [("陈志平", "", ("现场指挥员",))]


def test_a_japanese_name_after_a_japanese_office():
    assert roles("日本首相高市早苗主张进一步扩大支出") == [("高市早苗", "日本", ("首相",))]
    assert roles("发来贺电贺函的还有日本公明党党首山口那津男等。") == [("山口那津男", "日本公明党", ("党首",))]
    assert roles("日本首相高度重视") == []


def test_a_minister_named_with_their_ministry_heads_a_body_of_their_own():
    """外交部长 spells its ministry, so a chain through it shares no body (ANNOTATION.md), while a
    country's own ministers keep the country."""
    assert roles("中共中央政治局委员、外交部长王毅将主持会议") == [
        ("王毅", "", ("中共中央政治局委员", "外交部长"))]
    assert roles("巴基斯坦副总理兼外交部长达尔5日晚表示") == [("达尔", "巴基斯坦", ("副总理", "外交部长"))]
    assert roles("美国贸易代表莱特希泽、财政部长姆努钦出席") == [
        ("莱特希泽", "美国", ("贸易代表",)), ("姆努钦", "美国", ("财政部长",))]


def test_the_body_a_leader_heads_after_the_office():
    assert roles("在以胡锦涛同志为总书记的党中央坚强领导下") == [("胡锦涛", "党中央", ("总书记",))]
    assert roles("以习近平同志为核心的党中央") == []  # 核心 is no office


def test_offices_held_again_and_envoys():
    assert roles("屈冬玉连任联合国粮农组织总干事") == [("屈冬玉", "联合国粮农组织", ("总干事",))]
    assert roles("中国常驻联合国代表傅聪说") == [("傅聪", "中国", ("常驻联合国代表",))]


def test_one_character_countries_and_named_bodies_of_a_country():
    assert roles("叙总统巴沙尔已召开内阁紧急会议") == [("巴沙尔", "叙", ("总统",))]
    assert roles("美国白宫幕僚长克莱恩3日说") == [("克莱恩", "美国白宫", ("幕僚长",))]
    assert roles("以总理内塔尼亚胡说")[:1] != [("内塔尼亚胡", "以", ("总理",))]  # 以 is read as a preposition


def test_a_foreign_name_joined_by_a_dash():
    assert roles("加纳总统阿库福—阿多表示") == [("阿库福—阿多", "加纳", ("总统",))]
    assert roles("伊朗外交部发言人哈提卜扎德4日表示") == [("哈提卜扎德", "伊朗外交部", ("发言人",))]


def test_what_a_holder_is_in_charge_of_stays_in_the_title():
    assert roles("欧盟委员会负责气候行动的委员胡克斯特拉当天表示") == [
        ("胡克斯特拉", "欧盟委员会", ("负责气候行动的委员",))]
    assert roles("负责此事的主任张三说") == [("张三", "", ("主任",))]


def test_a_name_spaced_from_its_title_ends_its_line():
    assert roles("代区长  向诗兵\n2024年1月") == [("向诗兵", "", ("代区长",))]
    assert roles("以军称打死3名哈马斯重要成员 巴武装派别称在拉法打击以军") == []


def test_an_envoy_named_after_the_title_and_name_of_the_sender():
    assert roles("国家主席习近平特别代表、国家副主席韩正将出席加冕仪式")[-1] == (
        "韩正", "", ("国家主席习近平特别代表", "国家副主席"))


def test_a_place_the_tagger_reads_as_a_person_still_names_the_body():
    assert roles("李庄镇党委书记陈明介绍，迁建新房") == [("陈明", "李庄镇党委", ("书记",))]
    assert roles("陈吉宁市长说") == [("陈吉宁", "", ("市长",))]


def test_a_foreign_name_led_by_a_character_of_transliterations():
    assert roles("格鲁吉亚总统祖拉比什维利表示") == [("祖拉比什维利", "格鲁吉亚", ("总统",))]
