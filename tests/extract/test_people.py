from pipeline.extract import extract_people


def test_person_with_office_in_sentence():
    [p] = extract_people("呼和浩特市交通运输局局长刘鹏表示，要加快建设。")
    assert (p.person, p.organization, p.titles) == ("刘鹏", "呼和浩特市交通运输局", ("局长",))


def test_name_followed_by_verb_is_cut_to_the_name():
    [p] = extract_people("市交通运输局局长刘鹏在接受记者采访时说。")
    assert p.person == "刘鹏"


def test_reporters_are_not_people():
    assert extract_people("本报记者张三报道。") == []


def test_words_after_titles_are_not_names():
    assert extract_people("局长办公会议研究部署。") == []


def test_three_character_name_ending_in_he_is_kept():
    names = [p.person for p in extract_people("国务委员、中央军委委员魏凤和，最高人民法院院长周强出席。")]
    assert names == ["魏凤和", "周强"]


def test_foreign_name_with_middle_dot_stops_before_verb():
    [p] = extract_people("老挝卫生部长本贡·西哈冯表示，感谢。")
    assert p.person == "本贡·西哈冯"


def test_co_listed_names_share_the_office():
    people = extract_people("全国政协副主席张庆黎、刘奇葆、帕巴拉·格列朗杰出席。")
    assert [(p.person, p.organization, p.titles) for p in people] == [
        ("张庆黎", "全国政协", ("副主席",)), ("刘奇葆", "全国政协", ("副主席",)),
        ("帕巴拉·格列朗杰", "全国政协", ("副主席",))]


def test_province_party_secretary_and_premier():
    assert [(p.organization, p.titles) for p in extract_people("安徽省委书记李锦斌主持会议。")] == [("安徽省委", ("书记",))]
    assert [(p.organization, p.titles) for p in extract_people("国务院总理李强会见。")] == [("国务院", ("总理",))]
    assert [(p.organization, p.titles) for p in extract_people("总经理许仕华介绍。")] == [("", ("总经理",))]


def test_name_before_title_at_clause_start():
    assert [(p.person, p.titles) for p in extract_people("会上，李强总理指出，要加快。")] == [("李强", ("总理",))]


def test_then_after_a_name_is_not_part_of_it():
    found = extract_people("音乐学院院长亚历山大·萨卡洛夫则在视频中表达祝贺。市长王五则表示支持。")
    assert [p.person for p in found] == ["亚历山大·萨卡洛夫", "王五"]


def test_words_and_phrases_are_not_names():
    assert extract_people("居民们看见总书记来了，纷纷围拢。") == []
    # jieba's dictionary tags 宣传部 as a person name
    assert extract_people("中共旅莫地方执委会委员、宣传部主任。同年夏，他回到祖国。") == []
    assert [p.person for p in extract_people("习近平总书记强调，要加快。")] == ["习近平"]


def test_organisation_starts_after_the_sentences_own_verbs():
    found = {p.person: p.organization for p in extract_people("组长吴瀚飞主持召开与人民日报社社长李宝善，班子成员参加。")}
    assert found["李宝善"] == "人民日报社"


def test_interview_headline_verb_is_not_part_of_the_organisation():
    [p] = extract_people("——访呼和浩特市科技局党组书记、局长汪驰\n")
    assert (p.organization, p.person) == ("呼和浩特市科技局", "汪驰")


def test_adverbs_after_a_foreign_name_are_not_part_of_it():
    [p] = extract_people("亚残奥委员会主席马吉德·拉什德先后致辞。")
    assert (p.person, p.organization) == ("马吉德·拉什德", "亚残奥委员会")


def test_reporting_verbs_before_an_organisation_are_dropped():
    [p] = extract_people("会议听取了全国人大外事委员会主任委员张业遂作的报告。")
    assert (p.organization, p.titles) == ("全国人大外事委员会", ("主任委员",))


def test_economics_is_not_a_leading_preposition():
    [p] = extract_people("获得者、经济学院教授赵峰说。")
    assert p.organization == "经济学院"


def test_name_before_title_mention_ends_at_the_name():
    text = "会上，南勇局长指出，要加快。"
    [p] = extract_people(text)
    assert text[p.char_start:p.char_end] == "南勇" and p.titles == ("局长",)


def test_a_division_is_an_organisation_and_dichu_is_no_title():
    [p] = extract_people("国家林草局湿地管理处处长殷彤介绍，近年来湿地保护成效明显。")
    assert (p.person, p.organization, p.titles) == ("殷彤", "国家林草局湿地管理处", ("处长",))
    assert extract_people("四川地处长江上游，要增强大局意识。") == []
