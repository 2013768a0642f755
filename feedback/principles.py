"""The six practice principles (Torbay "Ways of Working"), defined once.

Every question, theme, action and report section maps to one of these by number.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(text: str) -> str:
    """Mark words for translation (`make translations` finds them); shown via gettext."""
    return text


@dataclass(frozen=True)
class Principle:
    number: int
    title: str  # the staff title, as the board edition prints it
    you_told_us: str
    we_promise: str
    emoji: str
    # What children and families read (family edition, public page): Easy Read words.
    child_title: str = ""
    child_meaning: str = ""


PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        1,
        "Building positive relationships",
        "When social workers do not do what they say they will do, it \u201cfeels like I'm "
        "being lied to\u201d and demolishes the trust not only between the child and their "
        "current social worker, but every social worker after that.",
        "Work with you to build trusting and meaningful relationships, using kindness, "
        "understanding and empathy to get to know you so that we can listen and understand "
        "your life experiences.",
        "\U0001f91d",
        N_("Getting to know you"),
        N_("We want you to trust us. We will be kind and do what we say."),
    ),
    Principle(
        2,
        "Child and family assessments",
        "Sometimes, we do have questions about what has happened to us, and why certain "
        "decisions were made. We do not always know who we can ask about this; it's not the "
        "kind of question you always feel like asking during a visit with your social worker.",
        "Use our professional skills and experience to write a detailed report about the "
        "different areas in your life such as how you feel about your school, home, friends "
        "and family and what activities you like to do.",
        "\U0001f50d",
        N_("Finding out about your life"),
        N_("We ask about your home, school, friends and what you like to do."),
    ),
    Principle(
        3,
        "Your wishes and feelings",
        "It's not enough to ask us what we think and feel like you are giving us a voice; you "
        "need to hear what we say and do something about it.",
        "Listen to your wishes and feelings in relation to what is happening in your life and "
        "record these carefully, so your voice is always heard and understood.",
        "\U0001f4ac",
        N_("What you want and how you feel"),
        N_("We listen to you and do something about what you tell us."),
    ),
    Principle(
        4,
        "Planning and review",
        "The experience of becoming cared for can feel \u201cthreatening\u201d and can be as "
        "traumatic as previous adverse experiences, or more so. Therefore, this needs VERY "
        "careful planning and consideration.",
        "Work together to create a plan which is specific, measurable, achievable, realistic "
        "and timely, so you and those who support you feel included and know what needs to "
        "change to help make things better and keep you safe.",
        "\U0001f5d3\ufe0f",
        N_("Making plans with you"),
        N_("We make plans with you, so you know what will happen next."),
    ),
    Principle(
        5,
        "Reflection, supervision and management overview",
        "Explain your decisions to us to help us understand why we can and cannot do certain "
        "things.",
        "Reflect on how well we are working with you to make sure that we are making the "
        "correct decisions and working together to provide good quality and consistent "
        "professional care.",
        "\U0001fa9e",
        N_("Checking we get it right"),
        N_("We check our work and explain why we make our choices."),
    ),
    Principle(
        6,
        "Your right to information",
        "I contacted professionals and didn't get a response; I was left waiting and when "
        "information arrived it contained lots of inaccuracies. This made me feel there was a "
        "lack of respect and care.",
        "Protect your privacy and confidentiality. We will clearly explain to you about your "
        "information rights with regards to the information we collect, store, and share "
        "about you.",
        "\U0001f512",
        N_("Your information"),
        N_("We keep what we know about you safe. We tell you what we write down."),
    ),
)

BY_NUMBER: dict[int, Principle] = {p.number: p for p in PRINCIPLES}


def principle(number: int) -> Principle:
    """Return the principle with this number (1-6), or raise KeyError."""
    return BY_NUMBER[number]
