"""`presenting/breaks.py`: break chances in long words of rendered HTML, and nowhere else."""

from __future__ import annotations

from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from hankinta_cli.presenting.breaks import breakable

URL = "https://www.hankintailmoitukset.fi/fi/public/procurement/123456/notice?lang=fi&tab=docs"


def test_long_words_in_text_get_break_chances_and_nothing_else_changes() -> None:
    html = (f"<html><head><title>{'x' * 50}</title><style>a{{background:url(data:{'y' * 80})}}</style></head>"
            f"<body><p>Katso {escape(URL)} ja {'z' * 45}</p><a href=\"{escape(URL)}\">lyhyt</a>"
            f"<svg><text>{'w' * 45}</text></svg><td>käynnissä</td><td>yhteishankintamahdollisuuksia.</td>"
            "</body></html>")
    out = breakable(html)
    assert out.replace("<wbr>", "") == html  # only break chances were added
    assert f'href="{escape(URL)}"' in out  # an attribute is never touched
    assert f"<title>{'x' * 50}</title>" in out and "y" * 80 in out and "w" * 45 in out  # raw elements neither
    assert "https:/<wbr>/<wbr>www.<wbr>hankintailmoitukset.<wbr>fi/" in out
    assert "fi&amp;tab=<wbr>docs" in out  # an entity is never split
    assert "z" * 20 + "<wbr>" + "z" * 20 + "<wbr>" + "z" * 5 in out  # no punctuation: every 20 characters
    assert "<td>yhteishankintamahdollisuuksia.</td>" in out  # a Finnish compound is not broken mid-word
    assert breakable("<p>lyhyet sanat vain</p>") == "<p>lyhyet sanat vain</p>"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=300), st.text(min_size=0, max_size=60))
def test_removing_the_break_chances_gives_the_page_back(text: str, attribute: str) -> None:
    html = f'<html><head><title>{escape(text)}</title></head><body><p title="{escape(attribute)}">' \
           f"{escape(text)}</p><svg><text>{escape(text)}</text></svg></body></html>"
    out = breakable(html)
    assert out.replace("<wbr>", "") == html
    assert out.split("<body>")[0] == html.split("<body>")[0]  # the head is untouched


def test_what_a_custom_template_may_write_is_left_alone() -> None:
    """Tag names in any case, a ">" inside a quoted attribute, nested svg and math elements."""
    long = "Ympäristöhankintakriteerienkäyttöönottosuunnitelma"
    html = (f"<html><head><TITLE>{long}</TITLE><Style>p::after{{content:\"{long}\"}}</Style></head><body>"
            f"<abbr title=\"A > {long}\">x</abbr><abbr title='1>0 {long}'>y</abbr>"
            f"<svg><svg width=\"1\"></svg><text>{long}</text><svg/><text>{long}</text></svg>"
            f"<math><mi>{long}</mi></math><TEXTAREA>{long}</TEXTAREA><!-- {long} --><p>{long}</p></body></html>")
    out = breakable(html)
    assert out.replace("<wbr>", "") == html
    assert out.count("<wbr>") == 2 and out.endswith("<wbr>uunnitelma</p></body></html>"), out


def test_a_break_never_splits_a_character_as_a_reader_sees_it() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "hankintasopimuksenjälkiseurantaraporttiluonnos" * 2)
    out = breakable(f"<p>{nfd}</p>")
    assert out.replace("<wbr>", "") == f"<p>{nfd}</p>"
    assert "<wbr>\u0308" not in out and "<wbr>" in out
    flags = "\U0001f1eb\U0001f1ee" * 30  # 🇫🇮 thirty times: never between the halves of one
    out = breakable(f"<p>{flags}</p>")
    assert "\U0001f1eb<wbr>\U0001f1ee" not in out
