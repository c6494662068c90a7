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
