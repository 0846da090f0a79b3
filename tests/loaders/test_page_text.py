import pytest

from mhkg.loaders import page_text


def test_html_blocks_become_lines_and_chrome_is_dropped():
    html = """<html><head><title>t</title><script>var x = "<p>no</p>";</script></head>
    <body><header><nav><ul><li>Menu</li></ul></nav></header>
    <main><h1>The  Title</h1><div><div>Start Date</div><div>2019</div></div>
    <ul><li>first <b>bold</b> item</li><li>second</li></ul>
    <!-- a comment --><p>Tail&amp;end</p></main>
    <footer>© footer</footer></body></html>"""
    page = page_text.from_html(html)
    assert page.heading == "The Title"
    assert page.lines == [
        "The Title", "Start Date", "2019", "- first bold item", "- second", "Tail&end",
    ]  # fmt: skip


def test_text_lines_are_cleaned():
    assert page_text.from_text("  a   b \n\n\t c\n").lines == ["a b", "c"]


def test_pages_without_a_menu_are_kept_whole():
    lines = ["Title", "A first paragraph of the article."]
    assert page_text.strip_site_menu(lines) == lines


def test_headings_are_short_and_not_sentences():
    assert page_text.is_heading("IOM Strengthens Belarus' Capacity to Protect Migrant Health")
    assert not page_text.is_heading("The project was launched in 2019.")


def test_a_control_character_in_html_is_refused_with_where_it_is():
    """lxml keeps it in the text of its tree and then refuses it when a <script> before it
    is dropped: the loader raised ValueError (a bug report) before this was checked."""
    from mhkg.errors import RecordError
    from mhkg.loaders import Source

    html = "<html><body><h1>T</h1>\n<p>a</p><script>x</script>\x01 tail</body></html>"
    with pytest.raises(RecordError) as caught:
        page_text.read(Source("page.html", html.encode(), "text/html"))
    assert str(caught.value) == (
        "page.html: holds U+0001, a control character, at line 2, column 27: a page holds none"
    )
