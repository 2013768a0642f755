"""`flask check-language FILE`: findings for each line, clear errors for bad input."""


def test_prints_findings_line_by_line(runner, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("We will visit you.\nYour LAC review is on Monday.\n", encoding="utf-8")
    result = runner.invoke(args=["check-language", str(letter)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "line 2, column 6: “LAC review” (cold word)"
    assert lines[2].startswith("    try: “your meeting”")
    assert lines[-1] == "1 finding on 1 of 2 lines."


def test_audience_adds_the_reading_age_check(runner, tmp_path):
    hard = tmp_path / "hard.txt"
    hard.write_text(
        "Consideration of the multidisciplinary recommendations necessitates "
        "comprehensive documentation of intergenerational circumstances.\n",
        encoding="utf-8",
    )
    plain = runner.invoke(args=["check-language", str(hard)])
    for_children = runner.invoke(args=["check-language", str(hard), "--audience", "4-7"])
    assert "(reading level)" not in plain.output
    assert "(reading level)" in for_children.output


def test_unknown_audience_is_a_usage_error(runner, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Hello.\n", encoding="utf-8")
    result = runner.invoke(args=["check-language", str(note), "--audience", "toddlers"])
    assert result.exit_code == 2
    assert "Invalid value for '--audience'" in result.output
    assert "'4-7'" in result.output
    assert "line 1" not in result.output


def test_missing_file_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(args=["check-language", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_a_binary_file_is_refused_clearly(runner, tmp_path):
    blob = tmp_path / "photo.jpg"
    blob.write_bytes(b"\xff\xd8\xff\xe0 not text")
    result = runner.invoke(args=["check-language", str(blob)])
    assert result.exit_code == 1
    assert "not a UTF-8 text file" in result.output
