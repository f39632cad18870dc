"""Chinese attribution: cases added while tuning on the blind dev batch (27-34).

Every sentence is written for these tests; none is copied from a gold article.
"""

from __future__ import annotations

import pytest

from graph.records import Article, ExtractionResult, Stance
from pipelines.extract import Extractor

OUTLET = "界面新闻"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str) -> ExtractionResult:
    return extractor(Article(id="t", text=text, language="zh", outlet=OUTLET))


def brief(result: ExtractionResult) -> list[tuple[str, str, str, str | None]]:
    return [
        (st.speaker.name, st.stance.value, st.rule.split("/")[0], st.refers_to)
        for st in result.statements
    ]


def test_spreading_news_colon_is_the_outlets_rumour(extractor: Extractor) -> None:
    text = "引发关注的，是一条在供应商群里疯传的消息：青禾乳业已拖欠奶款三个月。"
    [st] = run(extractor, text).statements
    assert (st.speaker.name, st.stance, st.rule) == (
        OUTLET,
        Stance.REPORTS,
        "zh.according.spreading_news",
    )
    assert st.claim_text is not None and "拖欠奶款三个月" in st.claim_text


def test_news_spreads_in_a_circle_colon_is_the_outlets_rumour(extractor: Extractor) -> None:
    text = "与此同时，另一条消息在经销商圈子里流传：青禾乳业将关闭两座工厂。"
    [st] = run(extractor, text).statements
    assert (st.stance, st.rule) == (Stance.REPORTS, "zh.according.news_spreads")
    assert st.claim_text is not None and "关闭两座工厂" in st.claim_text


def test_enumerated_rumours_one_says_another_says(extractor: Extractor) -> None:
    text = (
        "近日，两则关于青禾乳业的传闻在行业内流传。一则称，青禾乳业将被某外资收购；"
        "另一则称，青禾乳业的董事长已被带走调查。"
    )
    got = run(extractor, text).statements
    assert [(st.speaker.name, st.stance, st.rule) for st in got] == [
        (OUTLET, Stance.REPORTS, "zh.according.one_says"),
        (OUTLET, Stance.REPORTS, "zh.according.one_says"),
    ]
    assert "外资收购" in (got[0].claim_text or "")
    assert "带走调查" in (got[1].claim_text or "")


def test_malicious_rumour_mongering_denies(extractor: Extractor) -> None:
    text = "网传青禾乳业将停产。青禾乳业发布声明称：“工厂生产一切正常，停产传闻系恶意造谣。”"
    got = brief(run(extractor, text))
    assert len(got) == 2
    assert got[-1] == ("青禾乳业", "denies", "zh.quote.speaker_before", "s1")


def test_not_replied_immediately_is_no_comment(extractor: Extractor) -> None:
    text = "知情人士对界面新闻表示，青禾乳业正与两家外资洽谈出售事宜。青禾乳业未立即回复置评请求。"
    got = run(extractor, text).statements
    assert (got[-1].speaker.name, got[-1].stance, got[-1].refers_to) == (
        "青禾乳业",
        Stance.NO_COMMENT,
        "s1",
    )


def test_negated_quote_opening_with_so_far_is_a_second_turn(extractor: Extractor) -> None:
    text = "青禾乳业副总裁周岩表示，公司“确实和几家机构见过面”，但“至今没有签署任何协议”。"
    got = run(extractor, text).statements
    assert len(got) == 2, brief(run(extractor, text))
    assert got[1].claim_text is not None and "没有签署任何协议" in got[1].claim_text


def test_interview_answer_labelled_with_a_latin_name(extractor: Extractor) -> None:
    text = (
        "会后，青禾乳业首席执行官Laura Kim（金兰）接受了媒体采访。\n\n"
        "问：明年的计划是什么？\n\n"
        "Laura Kim：我们明年会在云南新建一座牧场。\n"
    )
    got = run(extractor, text).statements
    assert [(st.speaker.name, st.rule) for st in got] == [("Laura Kim", "zh.qa.answer")]
    assert "新建一座牧场" in (got[0].claim_text or "")


def test_a_concession_then_a_negated_rest_denies_the_same_rumour(extractor: Extractor) -> None:
    text = (
        "网传青禾乳业将把奶源供应商从北牧换成新西兰的Kaimai。"
        "青禾乳业副总裁周岩回应称，Kaimai确实是公司新品牌的供应商，但现有产品的奶源不会换。"
    )
    got = brief(run(extractor, text))
    assert got[1:] == [
        ("周岩", "confirms", "zh.reported", "s1"),
        ("周岩", "denies", "zh.reported", "s1"),
    ], got


def test_not_made_public_is_no_comment(extractor: Extractor) -> None:
    text = "周岩表示：“具体的收购价格我们不对外公布。”"
    [st] = run(extractor, text).statements
    assert st.stance == Stance.NO_COMMENT


def test_quoted_channel_name_before_the_cue_speaks(extractor: Extractor) -> None:
    text = "周一，财经博主“乳业观察家”在微博发文称，青禾乳业已暂停华东工厂的生产。"
    [st] = run(extractor, text).statements
    assert (st.speaker.name, st.rule) == ("乳业观察家", "zh.reported/zh.cue.cheng")
    assert "暂停华东工厂的生产" in (st.claim_text or "")


def test_disclosing_a_document_is_not_speech(extractor: Extractor) -> None:
    text = "11月3日晚，青禾乳业披露了对交易所关注函的回复公告。"
    assert run(extractor, text).statements == ()


def test_i_do_not_know_where_it_came_from_denies(extractor: Extractor) -> None:
    text = (
        "有消息称，青禾乳业将关闭华东工厂。青禾乳业副总裁周岩说：“工厂今年还要扩产。"
        "关闭工厂的说法，我不知道是从哪里传出来的。”"
    )
    assert brief(run(extractor, text))[-1] == ("周岩", "denies", "zh.quote.speaker_before", "s1")


def test_bare_spokesperson_speaks_for_the_sentences_subject(extractor: Extractor) -> None:
    text = (
        "对于减产传闻，北牧乳业则在周二回复媒体查询，"
        "发言人表示：「產量一切正常，傳聞純屬揣測。」"
    )
    [st] = run(extractor, text).statements
    assert (st.speaker.name, st.stance) == ("北牧乳业", Stance.DENIES)


def test_a_name_in_traditional_script_is_kept_as_written(extractor: Extractor) -> None:
    text = "香港《星島週報》刊文稱，北牧樂業將於年底結業。"
    [st] = run(extractor, text).statements
    assert st.speaker.name == "星島週報"
    text = "北牧樂業發言人表示，公司運作一切正常。"
    [st] = run(extractor, text).statements
    assert st.speaker.name == "北牧樂業"
    assert "北牧乐业" in st.speaker.aliases


def test_not_yet_spoken_out_is_no_comment(extractor: Extractor) -> None:
    text = "网传歌手林澈已经退出乐队。截至发稿，林澈本人尚未在社交账号上发声。"
    got = brief(run(extractor, text))
    assert got[-1][1:] == ("no_comment", "zh.reported", "s1"), got


def test_content_about_x_online_points_back(extractor: Extractor) -> None:
    text = (
        "博主@娱乐放大镜 发文称，歌手林澈已经隐婚三年。"
        "林澈工作室发布声明：“网络上关于林澈婚姻状况的内容均为捏造。”"
    )
    got = brief(run(extractor, text))
    assert got[-1] == ("林澈工作室", "denies", "zh.quote.speaker_before", "s1"), got


def test_board_office_staff_on_a_weekday_afternoon_speak_for_the_bank(
    extractor: Extractor,
) -> None:
    text = (
        "有消息称，北牧银行将被并入省农信。"
        "北牧银行董事会办公室一名工作人员周二午后回复界面新闻称，该行“未收到任何相关通知”。"
    )
    got = brief(run(extractor, text))
    assert got[-1] == ("北牧银行", "denies", "zh.reported", "s1"), got


def test_this_staff_member_is_the_one_introduced_with_that_role(extractor: Extractor) -> None:
    text = (
        "北牧银行一名工作人员回复界面新闻称，该行经营一切正常。"
        "谈到行长李卫东，这名工作人员说，李卫东目前仍在正常履职。"
    )
    got = run(extractor, text).statements
    assert [st.speaker.name for st in got] == ["北牧银行", "北牧银行"], brief(run(extractor, text))


def test_rumour_named_as_the_topic_of_a_sentence_is_the_outlets(extractor: Extractor) -> None:
    text = "对于网上流传的北牧银行副行长被带走调查的传闻，该行工作人员表示以公告为准。"
    st = run(extractor, text).statements[0]
    assert (st.speaker.name, st.stance, st.rule) == (
        OUTLET,
        Stance.REPORTS,
        "zh.quoted_rumour.topic_spreading",
    )
    assert st.claim_text == "北牧银行副行长被带走调查"


def test_restating_a_rumour_one_was_asked_about_confirms_it(extractor: Extractor) -> None:
    text = (
        "对于市场流传的北牧银行行长李卫东辞职的传闻，"
        "北牧银行一名工作人员说，李卫东已向董事会递交辞呈。"
    )
    got = brief(run(extractor, text))
    assert got == [
        (OUTLET, "reports", "zh.quoted_rumour.topic_spreading", None),
        ("北牧银行", "confirms", "zh.reported", "s1"),
    ], got


def test_the_rumoured_x_is_a_noun_phrase_not_a_relay(extractor: Extractor) -> None:
    text = "此前被传出的并购计划终于落地。"
    assert run(extractor, text).statements == ()
    text = "TikTok被传出将关闭美国的两座仓库。"
    [st] = run(extractor, text).statements
    assert (st.stance, st.rule) == (Stance.REPORTS, "zh.according.passive")


def test_after_a_turn_to_another_matter_a_confirmation_keeps_its_own_claim(
    extractor: Extractor,
) -> None:
    text = (
        "网传TikTok美国站的跨境小店已经上线。TikTok否认了这一说法。\n\n"
        "与此同时，此前被传出的直播合作有了确切消息。"
        "青禾传媒向界面新闻证实，公司已与TikTok签署直播合作协议，首场直播预计下月上线。"
    )
    got = run(extractor, text).statements
    last = got[-1]
    assert (last.speaker.name, last.stance, last.refers_to) == (
        "青禾传媒",
        Stance.CONFIRMS,
        None,
    ), brief(run(extractor, text))
    assert "签署直播合作协议" in (last.claim_text or "")
    # without the turn, the same words take up the rumour before
    same = run(extractor, text.replace("与此同时，", "")).statements
    assert same[-1].refers_to == "s1", brief(run(extractor, text.replace("与此同时，", "")))


def test_a_screenshot_says_is_the_outlet_relaying(extractor: Extractor) -> None:
    text = "这条传言出自一张在微博上流传的截图，截图称国家市场监管总局已对青禾乳业立案调查。"
    [st] = run(extractor, text).statements
    assert (st.speaker.name, st.stance) == (OUTLET, Stance.REPORTS)
    assert "立案调查" in (st.claim_text or "")


@pytest.mark.parametrize(
    ("verdict", "stance"),
    [("结论：属实。", "confirms"), ("结论：待证实。", "questions"), ("结论：不实。", "denies")],
)
def test_fact_check_verdicts(extractor: Extractor, verdict: str, stance: str) -> None:
    text = f"有网友发帖称，北牧乳业的总经理已离职。\n\n{verdict}\n"
    got = brief(run(extractor, text))
    assert got[-1] == (OUTLET, stance, "zh.editorial.bianzhean", "s1"), got


def test_if_true_is_no_confirmation(extractor: Extractor) -> None:
    text = "分析师周航预计，即便减产属实，对北牧乳业全年营收的影响也有限。"
    [st] = run(extractor, text).statements
    assert st.stance == Stance.ASSERTS


def test_joining_a_rival_is_one_event_in_other_words() -> None:
    from pipelines.lexicon import Lexicon
    from pipelines.zh.responses import overlap

    assert overlap("上月已经入职", "已离职并加盟竞争对手", Lexicon.load("zh"))[0] == 1


def test_normal_construction_answers_a_rumour_of_a_halt(extractor: Extractor) -> None:
    text = (
        "业主群里流传着一条消息：青禾置业的工地已经停工一个月。"
        "青禾置业营销负责人周岚表示，项目目前“正常施工”，塔吊停用是因为主体已经封顶。"
    )
    got = brief(run(extractor, text))
    assert got[-1] == ("周岚", "denies", "zh.reported", "s1"), got


def test_confirming_the_opposite_of_a_rumour_denies_it(extractor: Extractor) -> None:
    text = (
        "网传青禾乳业的华东工厂已经停产。"
        "当地工信局一名工作人员向界面新闻证实，该工厂目前“生产正常”。"
    )
    got = brief(run(extractor, text))
    assert got[-1][1:] == ("denies", "zh.reported", "s1"), got


def test_a_denial_with_reasons_is_not_a_bare_announcement(extractor: Extractor) -> None:
    text = (
        "网传青禾置业的工地已经停工。周岚表示，项目目前“正常施工”，塔吊停用是因为主体已经封顶。"
        "“停工的说法完全是无中生有。”她说。"
    )
    got = brief(run(extractor, text))
    assert [g[1] for g in got] == ["reports", "denies", "denies"], got


def test_xs_version_is_a_cue_and_on_this_with_a_negation_denies(extractor: Extractor) -> None:
    text = (
        "另一条消息在中介圈流传：青禾置业将对剩余房源打八折甩卖。"
        "对此，青禾置业副总裁周岚的说法是，公司“不会做任何损害老业主利益的降价”。"
    )
    got = brief(run(extractor, text))
    assert got[-1] == ("周岚", "denies", "zh.reported", "s1"), got


def test_a_quoted_phrase_called_a_version_is_not_a_cue(extractor: Extractor) -> None:
    text = "周岚强调，“被收购”的说法是一种误读。"
    got = run(extractor, text).statements
    assert [st.rule for st in got] == ["zh.reported/zh.cue.qiangdiao"], brief(run(extractor, text))


def test_not_necessarily_true_questions(extractor: Extractor) -> None:
    text = "网传青禾乳业将裁员三成。分析师周航说：“三成未必是真的，但裁员大概率存在。”"
    got = brief(run(extractor, text))
    assert got[-1][1] == "questions", got


def test_a_club_official_answers_a_rumour_naming_the_club_by_its_core_name(
    extractor: Extractor,
) -> None:
    text = (
        "据《体育周报》报道，比甲球队安特卫普已向武汉江城队前锋李想开出一份三年合同。"
        "江城俱乐部总经理周强表示，俱乐部“至今没有收到任何正式报价”。"
    )
    got = brief(run(extractor, text))
    assert got[-1] == ("周强", "denies", "zh.reported", "s1"), got


def test_he_laughing_is_the_person_the_sentence_opens_on(extractor: Extractor) -> None:
    text = (
        "经纪人Rui Costa在社交媒体上写道：“我们会在一月做出决定。”\n\n"
        "陈子豪本人当晚出席活动时被问及此事，他笑着说：“我现在只想踢好每一场比赛。”"
    )
    got = run(extractor, text).statements
    assert [st.speaker.name for st in got] == ["Rui Costa", "陈子豪"], brief(run(extractor, text))


def test_a_quote_turning_on_but_is_two_statements(extractor: Extractor) -> None:
    text = (
        "有网友发帖称，某大厂正洽购青禾乳业控股权。青禾乳业董事长周岚说："
        "“我们在和几家机构谈融资，这是事实。但控股权不会出让。”"
    )
    got = brief(run(extractor, text))
    assert [g[0] for g in got[1:]] == ["周岚", "周岚"], got
    assert got[-1] == ("周岚", "denies", "zh.quote.speaker_before", "s1"), got


def test_a_quoted_negated_event_after_an_assertion_denies(extractor: Extractor) -> None:
    text = (
        "一则传闻称，青禾乳业已与美国Dairyland达成收购协议。青禾乳业董秘回复称："
        "“公司与多家海外企业保持沟通，目前尚处于早期阶段，未签署任何具有约束力的协议。”"
    )
    got = brief(run(extractor, text))
    assert got[1][1] == "asserts" and got[1][3] is None, got
    assert got[2] == ("青禾乳业", "denies", "zh.quote.speaker_before", "s1"), got


def test_a_question_quote_is_not_the_answerers(extractor: Extractor) -> None:
    text = (
        "有投资者在互动平台提问：“网传公司将被收购，请问是否属实？”"
        "青禾乳业董秘回复称：“公司目前经营正常。”"
    )
    got = run(extractor, text).statements
    assert all("请问" not in (st.quote or "") for st in got), brief(run(extractor, text))


def test_results_an_office_made_public_show(extractor: Extractor) -> None:
    text = "国家医疗保障局11月20日公示的谈判结果显示，青禾制药的新药已纳入医保目录。"
    [st] = run(extractor, text).statements
    assert st.speaker.name == "国家医疗保障局"


def test_not_realistic_questions_and_a_circumstance_is_no_statement(extractor: Extractor) -> None:
    text = (
        "一则传闻称，青禾制药的新药首付款将超过5亿美元。一位医药行业研究员分析称，"
        "新药出海“是大方向”，但在三期数据尚未读出的情况下，首付款超过5亿美元“不太现实”。"
    )
    got = brief(run(extractor, text))
    assert got[1:] == [
        ("医药行业研究员", "asserts", "zh.reported", None),
        ("医药行业研究员", "questions", "zh.reported", "s1"),
    ], got


def test_no_notice_of_a_cut_received_denies(extractor: Extractor) -> None:
    text = (
        "有报道称，青禾汽车准备把电池供应商从北牧能源换成别家。北牧能源一位工作人员表示，"
        "双方的协议“执行到2028年”，目前“没有收到任何减量通知”。"
    )
    got = brief(run(extractor, text))
    assert got[-1] == ("北牧能源", "denies", "zh.reported", "s1"), got


def test_a_rumour_with_two_subjects_and_plans_is_two_claims(extractor: Extractor) -> None:
    text = "一位自称内部员工的网友发帖称，青禾乳业将在年底前裁员两成，华东工厂将整体关停。"
    got = run(extractor, text).statements
    claims = [st.claim_text for st in got]
    expected = ["青禾乳业将在年底前裁员两成", "华东工厂将整体关停"]
    assert claims == expected, brief(run(extractor, text))
    # a company's own announcement of a plan and its consequence stays one statement
    text = "青禾乳业确认，公司将对销售体系进行调整，部分岗位将被优化。"
    assert len(run(extractor, text).statements) == 1
    # a second verb of the same subject is no second subject
    text = "有消息称，青禾乳业已经准备好了重组方案，打算将债务偿付推迟两年。"
    assert len(run(extractor, text).statements) == 1


def test_a_reason_adjunct_between_speaker_and_refusal(extractor: Extractor) -> None:
    text = (
        "有报道称，青禾汽车将把电池供应商换成北牧能源。"
        "北牧能源公关负责人则以“不评论客户信息”为由拒绝置评。"
    )
    got = brief(run(extractor, text))
    assert got[-1] == ("北牧能源", "no_comment", "zh.reported", "s1"), got


def test_an_inquiry_letter_issued_before_the_cue(extractor: Extractor) -> None:
    text = "市场监管局随后下发问询函，指出青禾乳业存在虚假宣传。"
    [st] = run(extractor, text).statements
    assert st.speaker.name == "市场监管局", brief(run(extractor, text))


def test_the_reporter_told_is_no_part_of_the_claim(extractor: Extractor) -> None:
    text = "一位经销商告诉记者，青禾汽车上周已经给经销商发了返点。"
    [st] = run(extractor, text).statements
    assert st.claim_text == "青禾汽车上周已经给经销商发了返点", brief(run(extractor, text))


def test_an_accounts_rumour_with_a_second_subject_is_two_claims(extractor: Extractor) -> None:
    text = (
        "一篇文章在多个公众号传播。该文称，青禾制药的新药三期试验未达到主要终点，"
        "公司已暂停后续入组。"
    )
    got = run(extractor, text).statements
    claims = [st.claim_text for st in got]
    assert claims == ["青禾制药的新药三期试验未达到主要终点", "公司已暂停后续入组"], brief(
        run(extractor, text)
    )


def test_a_surname_after_the_full_name_is_that_person(extractor: Extractor) -> None:
    text = (
        "据《体育周报》报道，中场Marco Bellini和前锋Adebayo Okafor均有意离队，"
        "其中Bellini已收到两家俱乐部的报价。\n\n"
        "Bellini本人随后在社交媒体发文称，自己在球队很开心。"
    )
    got = run(extractor, text).statements
    assert [st.speaker.name for st in got] == ["体育周报", "体育周报", "Marco Bellini"], brief(
        run(extractor, text)
    )
    assert got[-1].speaker.kind.value == "person"
    assert "其中Bellini已收到两家俱乐部的报价" in (got[1].claim_text or "")


def test_no_comment_on_this_takes_up_the_story_of_its_paragraph(extractor: Extractor) -> None:
    text = (
        "网传青禾乳业华东工厂已经停产。青禾乳业否认了这一说法。\n\n"
        "此外，据一位接近青禾乳业的人士透露，公司正在内部讨论出售物流子公司。"
        "一位投行人士则表示，交易最早明年完成。截至发稿，青禾乳业方面未就此作出回应。"
    )
    got = brief(run(extractor, text))
    assert got[-1][1:] == ("no_comment", "zh.reported", "s3"), got


def test_saying_one_thing_but_actually_doing_another_questions(extractor: Extractor) -> None:
    text = "一位经销商告诉记者，厂家“嘴上说不降价，其实上周已经给我们发了返点”。"
    [st] = run(extractor, text).statements
    assert st.stance == Stance.QUESTIONS, brief(run(extractor, text))


def test_a_straight_cut_is_a_price_cut() -> None:
    from pipelines.lexicon import Lexicon
    from pipelines.zh.responses import overlap

    assert overlap("终端价格将直降3万元", "官方不降价", Lexicon.load("zh"))[0] == 1
