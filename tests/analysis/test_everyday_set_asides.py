"""Narrow set-asides for everyday life (issue 16), each tested from both sides: the
everyday words are set aside by the rule, and a disclosure in the same words still
stands. Sentences written for these tests, not taken from any labelled set."""

import pytest

from feedback.analysis import analyse_comment
from feedback.analysis.normalise import normalise
from feedback.analysis.safeguarding import read_comment


def _set_aside_by_a_rule(text: str) -> bool:
    """The rules saw harm words, set them all aside, and so the model is not asked."""
    reasons, set_aside = read_comment(normalise(text))
    return reasons == () and set_aside and not analyse_comment(text).safeguarding


def _flagged_by_a_rule(text: str) -> bool:
    return bool(read_comment(normalise(text))[0]) and analyse_comment(text).safeguarding


@pytest.mark.parametrize(
    ("everyday", "disclosure"),
    [
        # toys and play things; a real object, or "lol" alone, is not play
        ("my cousin bashed me with a foam bat", "my cousin bashed me with a bat"),
        ("my sister whacked me with a cushion", "my sister whacked me with a belt"),
        ("my brother threw a water balloon at me", "my brother threw a plate at me"),
        ("my little brother hit me with his nerf gun", "my little brother hit me lol"),
        ("my baby sister pulled my hair", "my step dad pulled my hair"),
        # accidents on furniture, told by the writer; someone else doing it stands
        ("banged my head on the bunk bed", "he banged my head on the bunk bed"),
        ("i slipped in the kitchen and hurt my wrist", "he pushed me and hurt my wrist"),
        ("got a black eye from a hockey ball", "dad gave me a black eye"),
        ("i got kicked in the knee at football", "i got kicked in the knee by my dad"),
    ],
)
def test_play_and_accidents_are_set_aside_but_harm_in_the_same_words_stands(everyday, disclosure):
    assert _set_aside_by_a_rule(everyday)
    assert _flagged_by_a_rule(disclosure)


@pytest.mark.parametrize(
    ("everyday", "disclosure"),
    [
        ("i went missing from geography", "i went missing from home"),
        ("my key worker went missing for a month", "my sister went missing for a month"),
        ("the teacher went missing from our lesson", "staff said i went missing again"),
        ("my phone went missing again", "i have gone missing three times"),
        ("our dog ran off in the woods", "i ran off in the woods with older boys"),
    ],
)
def test_missing_lessons_workers_and_things_are_set_aside_but_a_missing_child_stands(
    everyday, disclosure
):
    assert _set_aside_by_a_rule(everyday)
    assert _flagged_by_a_rule(disclosure)


@pytest.mark.parametrize(
    ("everyday", "disclosure"),
    [
        ("i'd rather die than eat cabbage", "i'd rather die than go home"),
        ("id sooner die than wear that blazer", "id sooner die than live with him"),
        ("i would rather die than tidy my bedroom", "i would rather die than stay here"),
        ("mum will kill me when she sees my room", "mum will kill me if i tell"),
        ("if i dye my hair green dad will kill me", "dad will kill me"),
    ],
)
def test_idioms_about_food_chores_and_mess_are_set_aside_but_not_about_home(everyday, disclosure):
    assert _set_aside_by_a_rule(everyday)
    assert _flagged_by_a_rule(disclosure)


@pytest.mark.parametrize(
    "text",
    ["i want to kill myself lol", "i want to die haha", "kms lol", "i'd rather die lol"],
)
def test_no_joke_exception_for_self_harm_or_suicide(text):
    assert _flagged_by_a_rule(text)


@pytest.mark.parametrize(
    ("everyday", "disclosure"),
    [
        ("my social worker decides when i see my dad", "my step dad decides when i see my nan"),
        ("the judge decided who i can see", "he decides where mum can go"),
        ("i share my location with my carers", "my boyfriend makes me share my location"),
        ("my nan decides what i wear to church", "he decides what mum wears"),
        ("the neighbours were shouting all night", "mum and dad were shouting all night"),
        ("i beat my dad at chess", "he beat my mum"),
        ("the police came because our shed was broken into", "the police came to our house again"),
        ("no hot water till the plumber fixed the boiler", "we have no hot water or heating"),
        ("there was no food i liked at the party", "there is no food in the house"),
        ("i can pick on fridays what we watch", "they pick on me at school"),
    ],
)
def test_arrangements_by_workers_and_everyday_words_are_set_aside(everyday, disclosure):
    assert _set_aside_by_a_rule(everyday)
    assert _flagged_by_a_rule(disclosure)
