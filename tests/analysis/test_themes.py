"""Themes come from an editable file and each belongs to one of the six principles."""

import pytest

from feedback.analysis import THEMES, analyse_comment
from feedback.analysis.themes import THEMES_FILE, ThemesFileError, load_themes

REQUIRED = {
    "Being listened to",
    "Changes of worker",
    "Being kept informed",
    "Meetings",
    "Family time",
    "Keeping promises",
    "Timeliness and visits",
    "Explaining decisions",
    "Feeling safe",
}


def test_themes_file_loads_and_every_theme_maps_to_a_principle():
    themes = load_themes(THEMES_FILE)
    assert REQUIRED <= {theme.name for theme in themes}
    for theme in themes:
        assert theme.principle in range(1, 7), theme.name
        assert theme.description


def test_themes_are_exported_for_the_screens():
    assert [(t.name, t.principle) for t in THEMES] == [
        (t.name, t.principle) for t in load_themes(THEMES_FILE)
    ]


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("nobody listens to me", "Being listened to"),
        ("I've had 5 new workers this year", "Changes of worker"),
        ("I wasn't told my worker was leaving", "Being kept informed"),
        ("too many people at my review", "Meetings"),
        ("I want to see my dad more", "Family time"),
        ("she always does what she promises", "Keeping promises"),
        ("they were late every time", "Timeliness and visits"),
        ("No one explained why I had to move", "Explaining decisions"),
        ("I feel safe where I live", "Feeling safe"),
        ("she never rings me back", "Getting a reply"),
    ],
)
def test_comments_are_grouped_into_themes(text, theme):
    assert theme in analyse_comment(text).themes


def test_a_comment_about_nothing_in_particular_has_no_theme():
    assert analyse_comment("I'm 9").themes == ()


def test_a_lead_can_add_a_theme(tmp_path):
    path = tmp_path / "themes.toml"
    path.write_text(
        '[[theme]]\nname = "Pets"\nprinciple = 3\ndescription = "Animals"\n'
        'phrases = ["dog*", "cat|cats"]\n',
        encoding="utf-8",
    )
    (theme,) = load_themes(path)
    assert theme.pattern.search("i miss my dogs")
    assert not theme.pattern.search("we had a catch up")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[theme]]\nname = "X"\nprinciple = 7\nphrases = ["x"]\n', "principle must be 1 to 6"),
        ('[[theme]]\nname = "X"\nprinciple = 2\nphrases = []\n', "has no phrases"),
        ('[[theme]]\nprinciple = 2\nphrases = ["x"]\n', "has no name"),
        (
            '[[theme]]\nname = "X"\nprinciple = 2\nphrases = ["x"]\n' * 2,
            "used twice",
        ),
    ],
)
def test_a_broken_themes_file_says_what_is_wrong(tmp_path, body, message):
    path = tmp_path / "themes.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ThemesFileError, match=message):
        load_themes(path)
