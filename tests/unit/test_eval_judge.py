"""The offline normalised-match scorer on tricky cases, and LLM judges with FakeLLM."""

from __future__ import annotations

import pytest

from kgmem.evaluation.answer_text import extract_dates, normalise, stated_number
from kgmem.evaluation.judge import (
    NORMALISED_MATCH_NAME,
    JudgeError,
    LLMJudge,
    NormalisedMatchScorer,
    parse_yes_no,
    rubric_keywords,
)
from kgmem.llm.fake import FakeLLM

S = NormalisedMatchScorer()


def score(gold: str, pred: str, qtype: str = "single-session-user", abs_: bool = False) -> bool:
    return S.judge(question="q?", gold=gold, prediction=pred, question_type=qtype,
                   is_abstention=abs_).correct


def test_normalise_numbers_and_punctuation() -> None:
    assert normalise("Twenty-one apples, and $1,200!") == "21 apples and 1200"
    assert normalise("three") == "3"
    assert normalise("3.0 hours") == "3 hours"
    assert normalise("It was twice.") == "it was 2 times"


@pytest.mark.parametrize(("gold", "pred", "ok"), [
    ("3", "You bought three books.", True),
    ("3", "You bought 13 books.", False),
    ("golden retriever", "Your dog is a Golden Retriever.", True),
    ("Acme Robotics", "You work at Acme-Robotics now.", True),
    ("$1,200", "It cost 1200 dollars.", True),
    ("May 20, 2023", "That was on 2023/05/20.", True),
    ("May 20, 2023", "That was on May 21, 2023.", False),
    ("the 20th of May", "On May 20th.", True),
    ("7 days. 8 days (including the last day) is also acceptable.", "8 days", True),
    ("Acme Robotics", "I don't know where you work.", False),
    ("Acme Robotics", "", False),
])
def test_scorer_cases(gold: str, pred: str, ok: bool) -> None:
    assert score(gold, pred) is ok


def test_an_answer_that_declines_or_hedges_is_wrong_even_when_it_quotes_the_gold() -> None:
    # the hedge quotes a line holding the gold string (here a superseded value): not an answer
    assert not score("Acme Corp", 'I\'m not sure; the closest thing you told me is "I left Acme Corp and joined Globex."')
    assert not score("the hike", "I'm not sure which time you mean: the museum matches both the museum visit "
                                 "and the hike.")
    assert not score("Globex", "I don't know - you mentioned Globex once.")
    assert not score("warm colours", "Not sure: maybe warm colours?", "single-session-preference")
    # a committed answer that says "you didn't" later on is still an answer
    assert score("Globex", "You work at Globex; you didn't stay at Acme.")
    assert score("3", "Three. You didn't count the fourth one you returned.")
    # on abstention questions the hedge is the right answer
    assert score("The user never mentioned a hamster.", "I'm not sure; you never mentioned a hamster.", abs_=True)


def test_a_bare_number_gold_is_the_number_the_answer_states() -> None:
    # the first number stated counts, not a list marker, a step number, a date's day or a year
    assert score("2", "The answer is: 2")
    assert score("3", "3 (Murder Club, Lessons in Chemistry, The Marriage Portrait)")
    assert score("2", "On 2023-05-03 and June 3 you went twice: 2 gigs.")
    assert score("€95", "€95 in total (€45 brake pads, €30 chain, €20 tyre)")
    assert not score("2", "You can use the following steps:\n\n1. Find the answer.\n\n2. Count them.")
    assert not score("3", "4 (Ritz, Salford, Brightloop, London) - the 3rd was in May.")
    assert not score("2", "You went on 2023-02-02.")
    assert not score("2", "Step 2 is to look at your notes; you had 5.")
    assert stated_number("It was in 2021, and you had 12 of them") == 12
    # a year-like gold is compared with the years kept; one "3." that opens an answer is no list
    assert score("2000", "2000")
    assert score("2019", "You moved there in 2019 (said 2023-05-02).")
    assert score("3", "3. They are A, B and C.")
    assert stated_number("no number here") is None


def test_temporal_off_by_one_only_for_temporal_counts() -> None:
    assert score("18 days", "It took 19 days.", "temporal-reasoning")
    assert score("3 weeks", "two weeks", "temporal-reasoning")
    assert not score("18 days", "It took 20 days.", "temporal-reasoning")
    assert not score("18 days", "It took 19 days.", "multi-session")
    assert not score("3 weeks", "4 days", "temporal-reasoning")


def test_abstention_by_phrase() -> None:
    expl = "The user never mentioned a hamster."
    assert score(expl, "You haven't told me about a hamster.", abs_=True)
    assert score(expl, "There is no information about that.", abs_=True)
    assert not score(expl, "Its name was Nibbles.", abs_=True)
    assert score(expl, "I don't know: you haven't told me about a hamster.", abs_=True)
    # an abstention phrase later in a committed answer is not an abstention
    assert not score(expl, "Your hamster is not in the cage any more, it lives with Mom.", abs_=True)
    assert not score(expl, "Its name is Nibbles; you didn't say how old it is.", abs_=True)


def test_preference_is_approximate_keyword_overlap() -> None:
    rubric = ("The user would prefer suggestions involving hiking trails and landscape "
              "photography with their Sony camera; they might not prefer indoor activities.")
    kws = rubric_keywords(rubric)
    assert "hiking" in kws and "sony" in kws and "indoor" not in kws
    v = S.judge(question="q", gold=rubric, prediction="Go hiking and photograph landscapes with "
                "your Sony.", question_type="single-session-preference", is_abstention=False)
    assert v.correct and v.approximate and v.judge == NORMALISED_MATCH_NAME
    assert not score(rubric, "Visit a museum.", "single-session-preference")


def test_a_duration_gold_is_judged_by_its_count_not_its_dates() -> None:
    # the dates explaining a duration are no answer: "46 days … to 6 June" is wrong for "3 days (3-6 June)"
    assert not score("3 days (3-6 June)", "46 days (from 20 April to 6 June).", "temporal-reasoning")
    assert not score("4 days (19-23 November)", "388 days, since November 23, 2022.", "temporal-reasoning")
    assert score("3 days (3-6 June)", "3 days: you started on 3 June and finished on 6 June.", "temporal-reasoning")
    # a date gold still matches a date answer, with or without its weekday in brackets
    assert score("June 6th", "You finished it on 6 June.", "temporal-reasoning")
    assert score("Tuesday (June 6)", "On 6 June, a Tuesday.", "temporal-reasoning")


def test_extract_dates_forms() -> None:
    assert (2023, 5, 20) in extract_dates("2023/05/20 (Sat) 02:21")
    assert (None, 3, 4) in extract_dates("on March 4th")
    assert (2024, 1, 2) in extract_dates("1/2/2024")


@pytest.mark.parametrize(("text", "value"), [
    ("yes", True), ("Yes.", True), ("**No**", False), ("True", True), ("False", False),
    ("Answer: yes", True), ("<think>maybe no?</think>\nyes", True),
    ('{"correct": false}', False), ("The response is correct.", True),
    ("The answer is not correct.", False), ("Yes. It never says no.", True),
])
def test_parse_yes_no(text: str, value: bool) -> None:
    assert parse_yes_no(text) is value


@pytest.mark.parametrize("text", ["", "maybe", "yes and no"])
def test_parse_yes_no_refuses_ambiguity(text: str) -> None:
    with pytest.raises(JudgeError):
        parse_yes_no(text)


def test_longmemeval_judge_prompts_by_type_with_fakellm() -> None:
    fake = FakeLLM(default="yes")
    judge = LLMJudge(fake, "longmemeval")
    v = judge.judge(question="How many days?", gold="18 days", prediction="19 days",
                    question_type="temporal-reasoning", is_abstention=False)
    assert v.correct and v.judge == "longmemeval-judge(fake/test)"
    judge.judge(question="Where?", gold="Acme", prediction="Acme", question_type="knowledge-update",
                is_abstention=False)
    judge.judge(question="Name?", gold="never said", prediction="I don't know",
                question_type="single-session-user", is_abstention=True)
    judge.judge(question="Suggest", gold="rubric", prediction="x",
                question_type="single-session-preference", is_abstention=False)
    prompts = [msgs[-1]["content"] for msgs, _ in fake.calls]
    assert "off-by-one" in prompts[0]
    assert "updated value" in prompts[1]
    assert "cannot be answered" in prompts[2]
    assert "Rubric" in prompts[3]


def test_investigathon_judge_true_false_and_bad_reply() -> None:
    fake = FakeLLM(script=["False", "maybe"])
    judge = LLMJudge(fake, "investigathon")
    v = judge.judge(question="q", gold="a", prediction="b", question_type="x", is_abstention=False)
    assert v.correct is False and "ground-truth answer is: a" in fake.calls[0][0][-1]["content"]
    with pytest.raises(JudgeError):
        judge.judge(question="q", gold="a", prediction="b", question_type="x", is_abstention=False)


def test_a_pasted_list_is_judged_by_its_pick_not_its_items() -> None:
    """review10 H1: an answer pasting an assistant reply's options (the gold among them) picked nothing."""
    scorer = NormalisedMatchScorer()
    pasted = ("- Victorinox Fibrox 8\" chef's knife: a workhorse. - Tojiro DP 210mm gyuto: harder steel. "
              "- Mercer Genesis: cheap and tough.")
    picked = "You said you'd get the Tojiro DP 210mm gyuto. - Victorinox Fibrox: a workhorse. - Tojiro DP: harder steel."
    kwargs = {"question": "which knife did you say you'd get", "gold": "Tojiro DP 210mm gyuto",
              "question_type": "single-session-assistant", "is_abstention": False}
    assert not scorer.judge(prediction=pasted, **kwargs).correct
    assert scorer.judge(prediction=picked, **kwargs).correct
    # one bullet is no list; a count stated before its list of counted things still answers
    assert scorer.judge(prediction="- Tojiro DP 210mm gyuto", **kwargs).correct
    assert scorer.judge(prediction="3 concerts: - Arctic Monkeys (May) - Wet Leg (June) - Blur (July)",
                        question="how many concerts", gold="3", question_type="multi-session",
                        is_abstention=False).correct



def test_a_list_pasted_as_prose_is_judged_by_its_lead() -> None:
    # dev6 t5_q07 (au13): the reply's options pasted without bullets, the gold the first of them
    scorer = NormalisedMatchScorer()
    kwargs = {"question": "Which mountain you said is the easiest one for a first hike?", "gold": "The Herzogstand",
              "question_type": "single-session-assistant", "is_abstention": False}
    pasted = ("Three good ones by train: the Herzogstand (train to Kochel, bus to the Walchensee cable car, or walk "
              "up; about 3 hours), the Wank above Garmisch-Partenkirchen (")
    assert not scorer.judge(prediction=pasted, **kwargs).correct
    assert not scorer.judge(prediction="A few options: the Herzogstand, the Wank and the Hirschberg.", **kwargs).correct
    assert scorer.judge(prediction="The Herzogstand: about 3 hours, with a cable car, the gentlest.", **kwargs).correct
    assert scorer.judge(prediction="You said the Herzogstand is the easiest of the three: train, then bus.",
                        **kwargs).correct
    assert scorer.judge(prediction="Of the two you named: the Herzogstand.", **kwargs).correct  # one item: a pick
    listed = {**kwargs, "question": "Which countries did I visit this year?", "gold": "France, Spain and Italy",
              "question_type": "multi-session"}
    assert scorer.judge(prediction="Three countries: France, Spain and Italy.", **listed).correct  # review12

def test_preference_is_scored_without_the_users_quoted_words() -> None:
    """review10 H3: quoting the user's likes back earns the rubric's keywords without recommending anything."""
    scorer = NormalisedMatchScorer()
    rubric = ("The user would prefer suggestions of hiking trails with lake views, building on their love of "
              "hiking; they might not prefer city tours.")
    kwargs = {"question": "any ideas for saturday?", "gold": rubric,
              "question_type": "single-session-preference", "is_abstention": False}
    quoting = 'Something in that spirit (you told me: "I love hiking trails with lake views").'
    recommending = "Try hiking trails with lake views, e.g. a loop around a reservoir."
    assert not scorer.judge(prediction=quoting, **kwargs).correct
    assert scorer.judge(prediction=recommending, **kwargs).correct
    assert scorer.judge(prediction=recommending + ' (you told me: "I love hiking")', **kwargs).correct


def test_an_either_or_answer_is_judged_by_the_option_it_names_first() -> None:
    """au13 (dev6 t4_q02): naming both options, the wrong one first, was credited by containment."""
    scorer = NormalisedMatchScorer()
    kwargs = {"question": "Which came first, my hearing aids or my grandson's graduation ceremony?",
              "gold": "The hearing aids (fitted on 1 June)", "question_type": "temporal-reasoning",
              "is_abstention": False}
    wrong = "your grandson's graduation ceremony (2025-06-23), before your hearing aids (2026-06-01)"
    right = "your hearing aids (2025-06-01), before your grandson's graduation ceremony (2025-06-23)"
    verdict = scorer.judge(prediction=wrong, **kwargs)
    assert not verdict.correct and verdict.method == "other-option-first"
    assert scorer.judge(prediction=right, **kwargs).correct
    assert scorer.judge(prediction="The hearing aids.", **kwargs).correct
    # rev11 M4: the other one named first, but as the later one
    assert scorer.judge(prediction="The graduation came after the hearing aids.", **kwargs).correct
    assert not scorer.judge(prediction="The graduation, then the hearing aids.", **kwargs).correct
    # no "X or Y" clause in the question: the rule stays out of it
    assert scorer.judge(prediction=wrong, question="What came first?",
                        gold="The hearing aids", question_type="temporal-reasoning",
                        is_abstention=False).correct


def test_an_either_or_answer_naming_both_options_without_an_order_is_wrong() -> None:
    """au15 (dev7 v1_q02): "X is not the first day in the new job" names both options and says
    nothing about which came first ("first" is the option's own word); it was credited."""
    scorer = NormalisedMatchScorer()
    kwargs = {"question": "Which came first: the holiday in Portugal or my first day in the new job?",
              "gold": "The holiday in Portugal (12 to 22 March)", "question_type": "temporal-reasoning",
              "is_abstention": False}
    verdict = scorer.judge(prediction="The holiday in Portugal is not the first day in the new job.",
                           **kwargs)
    assert not verdict.correct and verdict.method == "no-order"
    assert scorer.judge(prediction="The holiday in Portugal, before your first day in the new job.",
                        **kwargs).correct
    assert scorer.judge(prediction="The holiday in Portugal (12 March); the new job (2 June).",
                        **kwargs).correct
    assert scorer.judge(prediction="The holiday in Portugal.", **kwargs).correct


def test_token_recall_credits_no_pasted_evidence() -> None:
    """au15 (dev7 v2_q05): a dump of retrieved lines holds most gold words without answering."""
    gold = "$449 ($260 for two tyres + $189 for a battery)"
    pasted = ("The evidence is: [{'role': 'user', 'content': 'my car battery died so new one, $189'}, "
              "{'role': 'user', 'content': 'the tyres i told u about, the $260 ones, two of them'}, "
              "{'role': 'user', 'content': 'dad paid my rego this month, $390'}, {'role': 'user', "
              "'content': 'jess flew to Fiji this morning for a whole fortnight of sun'}]")
    assert not score(gold, pasted, "multi-session")
    assert score(gold, "About 449: 260 for the two tyres and 189 for a battery.", "multi-session")


def test_you_werent_declines_a_false_premise() -> None:
    """au15: "You weren't in Fiji, Jess went." rejects the question's premise: an abstention."""
    assert score("The user never went to Fiji.", "You weren't in Fiji, Jess went.", abs_=True)
    assert score("The user never went to Fiji.", "You were not in Fiji.", abs_=True)
    # review13: on an answerable question it is an answer like any other
    assert score("Jess", "You weren't the one who went, Jess went to Fiji.", "single-session-user")
