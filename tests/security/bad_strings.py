"""Things people (and attackers) type: each must get a clear answer, never a 500."""

BAD_STRINGS = {
    "100 KB of text": "I have a lot to say. " * 5000,
    "emoji": "😀😢👍🏽🏳️‍🌈",
    "ZWJ family": "👨‍👩‍👧‍👦 and 🧑🏾‍🤝‍🧑🏻",
    "right-to-left": "أنا سعيد مع عامل الخاص بي שלום",
    "bidi override": "abc\u202edcba\u202c",
    "zero-width": "hid\u200bden\u200c\u200d\ufeff",
    "NUL and controls": "a\x00b\x01c\x1bd\x7f",
    "script tag": "<script>alert(1)</script>",
    "attribute breakout": '" onmouseover="alert(1)" x="\' autofocus onfocus=\'alert(1)',
    "template syntax": "{{ 7*7 }} {% for x in range(3) %}x{% endfor %} ${7*7} #{7*7}",
    "SQL fragment": "'; DROP TABLE responses; -- \" OR 1=1 --",
    "CSV formula": '=HYPERLINK("http://evil.example","click")',
    "CSV formula plus": "+1+cmd|' /C calc'!A0",
    "only spaces": "     ",
    "very long word": "a" * 4999,
    "newlines": "line one\r\nline two\rline three\n",
    "huge number": "99999999999999999999999999",
    "negative number": "-1",
    "path traversal": "../../../../etc/passwd",
}
