"""The safeguarding screen flags possible harm and leaves everyday words alone."""

import pytest

from feedback.analysis import analyse_comment


def _flagged(text: str) -> bool:
    return analyse_comment(text).safeguarding


def test_every_shared_disclosure_is_flagged(shared_safeguarding):
    disclosures = [text for label, text in shared_safeguarding if label == "1"]
    assert len(disclosures) >= 15
    assert [text for text in disclosures if not _flagged(text)] == []


def test_at_most_one_shared_everyday_comment_is_flagged(shared_safeguarding):
    everyday = [text for label, text in shared_safeguarding if label == "0"]
    assert len(everyday) >= 15
    false_alarms = [text for text in everyday if _flagged(text)]
    assert len(false_alarms) <= 1, false_alarms


def test_our_own_disclosures_in_other_words_are_flagged(extra_safeguarding):
    disclosures = [text for label, text in extra_safeguarding if label == "1"]
    assert len(disclosures) >= 20
    missed = [text for text in disclosures if not _flagged(text)]
    assert len(missed) <= len(disclosures) * 0.05, missed


def test_our_own_everyday_comments_rarely_raise_an_alarm(extra_safeguarding):
    everyday = [text for label, text in extra_safeguarding if label == "0"]
    assert len(everyday) >= 20
    false_alarms = [text for text in everyday if _flagged(text)]
    # About one in a hundred: the model, which reads what no rule matched, costs a
    # few false alarms for the disclosures it catches (docs/analysis.md).
    assert len(false_alarms) <= 3, false_alarms  # of 296


@pytest.mark.parametrize(
    "text",
    [
        "my mums boyfrend hits me",
        "my dad hitts me wen hes drunk",
        "i dont feel saif at home",
        "i want to kil myself",
        "i feel like ending it all",
    ],
)
def test_misspelt_disclosures_without_punctuation_are_flagged(text):
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "my dad h\u200bits me",
        "my dad hi\u200dts me",
        "my dad hi\u00adts me",
        "my dad h\ufeffits me",
        "my dad hi\x00ts me",
        "\uff4d\uff59 \uff44\uff41\uff44 \uff48\uff49\uff54\uff53 \uff4d\uff45",
        "my dad h\u0456ts me",
        "my dad h1ts me",
        "MY DAD HIIIITS ME",
        "my dad hi\u0301ts me",
    ],
)
def test_hidden_or_look_alike_characters_do_not_hide_a_disclosure(text):
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "nobody hurts me",
        "No one at home hits me",
        "my dad never hits us",
        "I have never self harmed",
        "I'm not scared of my foster carer",
    ],
)
def test_negated_words_are_not_flagged(text):
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "this survey is killing me lol",
        "I hurt my knee at football",
        "I got hit by a football",
        "scared of the dark",
        "I hurt myself playing rugby",
        "I'm dying to see my cousins",
        "my brother beats me at fifa",
        "we had a secret santa at school",
        "I cut my hair",
        "the meeting was online on zoom",
        "the police came to school to talk about road safety",
    ],
)
def test_figurative_and_everyday_use_is_not_flagged(text):
    assert not _flagged(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("she slaps me", "physical harm"),
        ("someone touches me where they shouldnt", "sexual abuse"),
        ("i want to hurt myself", "self-harm"),
        ("i don't want to live anymore", "suicidal thoughts"),
        ("there's no food in the house", "neglect"),
        ("i get left alone all night", "neglect"),
        ("the police came again after the fighting", "domestic abuse at home"),
        ("older lads give me money to carry stuff for them", "exploitation"),
        ("a man online asked me to send pictures", "online grooming"),
        ("I went missing for three days", "going missing"),
        ("he said it's our secret", "told to keep secrets"),
        ("I don't feel safe at home", "not safe at home"),
        ("I'm scared of my stepdad", "scared at home or of someone"),
    ],
)
def test_reasons_say_what_kind_of_harm_and_which_words(text, kind):
    result = analyse_comment(text)
    assert result.safeguarding
    assert any(reason.startswith(f"{kind}: '") for reason in result.reasons), result.reasons


def test_a_flagged_comment_keeps_its_own_sentiment_and_is_about_feeling_safe():
    thankful = analyse_comment("my dad used to hit me but my worker kept me safe, thank you")
    assert thankful.safeguarding and thankful.sentiment == "positive"
    assert "Feeling safe" in thankful.themes
    told = analyse_comment("my dad hits me")
    assert told.safeguarding and told.sentiment == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "kms",
        "i just want to unalive myself",
        "i want to kill myself lol",
        "i wanna die 😂😂",
        "im gonna kms if i have to go to another review meeting haha",
        "my mums boyfriend checks her phone and wont let her see her friends",
        "when dad gets angry i take my baby brother upstairs and we hide till its quiet",
        "some older lads give me trainers and now they say i owe them so i carry stuff",
        "my landlord said if i cant pay the rent i can pay him another way",
        "i met someone on fortnite who buys me skins and wants a private call",
        "he said if i tell anyone they will take me away and it will be my fault",
        "I get the belt if I talk back, that's just how it is in our house",
        "my family are taking me abroad and i think they want me to marry my cousin",
        "my aunt says im going abroad to be cut like a proper woman",
        "a group online says we need to start a race war",
        "i ran away for 3 days and slept at a mates and no one came looking",
        "my dad hitz me wen im bad",
    ],
)
def test_what_children_really_write_is_flagged(text):
    assert _flagged(text), text


@pytest.mark.parametrize(
    "text",
    [
        "we did a lesson about what to do if someone hits you",
        "we learnt about county lines in assembly",
        "we watched a film about a boy who tried to kill himself",
        "I play call of duty and GTA where you shoot people",
        "nobody hurts me",
        "I feel safe, no one hits me",
        "my worker asked if I ever wanted to hurt myself and I said no",
        "this homework is killing me",
        "a boy hit me with a ball at football but it was an accident",
    ],
)
def test_talk_about_harm_games_and_firm_denials_are_not_flagged(text):
    assert not _flagged(text), analyse_comment(text).reasons


def test_an_unflagged_comment_has_no_reasons():
    result = analyse_comment("I love my foster family")
    assert not result.safeguarding
    assert result.reasons == ()
