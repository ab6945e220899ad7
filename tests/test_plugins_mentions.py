"""jekyll-mentions, jekyll-avatar and the libxml2 HTML round trip behind mentions.

Expected values were produced by the real gems (Nokogiri 1.13.10 on libxml2 2.9.14,
html-pipeline 2.14, jekyll-avatar 0.8) on this machine; whole-site behaviour is in
tests/data/jekyll_sites/github-extras.
"""

from __future__ import annotations

import pytest

from newsletter_liquid.errors import ConfigError
from newsletter_liquid.plugins._html4 import parse_fragment, serialize
from newsletter_liquid.plugins.avatar import avatar_html
from newsletter_liquid.plugins.mentions import mention_base, mentionify

ROUND_TRIPS = [
    ('<p>a<div>b</div>c</p>',
     '<p>a</p><div>b</div>c'),
    ('<p><b>x<p>y</b>z',
     '<p><b>x</b></p><p>yz</p>'),
    ('</p>x',
     'x'),
    ('<table><tr><td>a<td>b</table>',
     '<table><tr>\n<td>a</td>\n<td>b</td>\n</tr></table>'),
    ('<ul><li>a<li>b</ul>',
     '<ul>\n<li>a</li>\n<li>b</li>\n</ul>'),
    ('<dl><dt>a<dd>b<dt>c</dl>',
     '<dl>\n<dt>a</dt>\n<dd>b</dd>\n<dt>c</dt>\n</dl>'),
    ('a &copy &copy; &#169; &#xA9; &#x; &#; &#0; &#128; &#1114112; &#xD800; &am &ampx; &AMP'
     '; &apos; &nbsp',
     "a &amp;copy © © ©    \x80   &amp;am &amp;ampx; &amp;AMP; ' &amp;nbsp"),
    ('<a href=\'x"y\'>q</a><a href="x\'y">q</a><a title=\'a"b&apos;c\'>z</a>',
     '<a href="x%22y">q</a><a href="x\'y">q</a><a title="a&quot;b\'c">z</a>'),
    ('<img src=" a b.png" alt="a&b <c>">',
     '<img src="a%20b.png" alt="a&amp;b &lt;c&gt;">'),
    ('<a href="http://x/é?a=1&b=2#f g">x</a>',
     '<a href="http://x/%C3%A9?a=1&amp;b=2#f%20g">x</a>'),
    ('<a name="a b">x</a><div name="a b">y</div>',
     '<a name="a%20b">x</a><div name="a b">y</div>'),
    ('<form action="/a b"></form>',
     '<form action="/a%20b"></form>'),
    ('<input disabled><input checked="checked"><option selected="no">x</option><div hidden>'
     'h</div><script async src=x></script>',
     '<input disabled><input checked><option selected>x</option><div hidden>h</div><script '
     'async src="x"></script>'),
    ("<script>if (a < b && c > d) { x = '</div>' }</script><style>p > a { }</style>",
     "<script>if (a < b && c > d) { x = '</div>' }</script><style>p > a { }</style>"),
    ('<script></b>x</script>',
     '<script>x</script>'),
    ('<SCRIPT>a</SCRIPT>',
     '<script>a</script>'),
    ('<!-- c -->x<!---->y<!-- a -- b -->z<!--x--!>w',
     '<!-- c -->x<!---->y<!-- a -- b -->z<!--x-->w'),
    ('<!-- unfinished',
     ''),
    ('<?php echo 1; ?>x<?y>z<? q ?>',
     '<?php echo 1; ?>x<?y>z q ?&gt;'),
    ('<!DOCTYPE html>x<!doctype html public "-//W3C//DTD HTML 4.01//EN" "http://x">y',
     'xy'),
    ('<![CDATA[x]]>',
     '&lt;![CDATA[x]]&gt;'),
    ('<!foo>',
     '&lt;!foo&gt;'),
    ('a < b > c',
     'a &lt; b &gt; c'),
    ('<_x>y</_x>',
     '&lt;_x&gt;y'),
    ('<:x>y',
     '&lt;:x&gt;y'),
    ('<.x>y',
     '&lt;.x&gt;y'),
    ('</ x>',
     ' x&gt;'),
    ('</>',
     '&gt;'),
    ('<a/b>',
     '<a></a>'),
    ('<div/>x',
     '<div></div>x'),
    ('<p/>x<br/>y<br />z',
     '<p></p>x<br>y<br>z'),
    ("<DIV CLASS=A ID='b'>x</DIV>",
     '<div class="A" id="b">x</div>'),
    ('<div class=a class=b>x</div>',
     '<div class="a">x</div>'),
    ('<div @click="x" :a="b" x-on:y=z>q</div>',
     '<div :a="b" x-on:y="z">q</div>'),
    ('<div a=>x</div><div b= c>y</div>',
     '<div a="">x</div><div b="c">y</div>'),
    ('<div\nclass="a"\n>x</div>',
     '<div class="a">x</div>'),
    ('<div class="a"',
     '<div class="a"></div>'),
    ('<div class="a',
     '<div class="a"></div>'),
    ('<section><h1>t</h1><p>a</p></section>',
     '<section><h1>t</h1>\n<p>a</p></section>'),
    ('<main>\n<article>\n<p>x</p>\n</article>\n</main>',
     '<main>\n<article>\n<p>x</p>\n</article>\n</main>'),
    ('<div><span>a</span><span>b</span></div>',
     '<div>\n<span>a</span><span>b</span>\n</div>'),
    ('<div><p>a</p><p>b</p></div>',
     '<div>\n<p>a</p>\n<p>b</p>\n</div>'),
    ('<pre><code>a\n</code></pre>',
     '<pre><code>a\n</code></pre>'),
    ('<blockquote><p>a</p>\n</blockquote>',
     '<blockquote>\n<p>a</p>\n</blockquote>'),
    ('<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>'
     '\n</tbody>\n</table>',
     '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>'
     '\n</tbody>\n</table>'),
    ('<select><option>a<option>b</select>',
     '<select><option>a</option>\n<option>b</option></select>'),
    ('<ol><li><p>a</p></li><li></li></ol>',
     '<ol>\n<li><p>a</p></li>\n<li>\n</ol>'),
    ('<li></li><li>x</li>',
     '<li><li>x</li>'),
    ('<hr><hr>',
     '<hr><hr>'),
    ('<div><hr><hr></div>',
     '<div>\n<hr>\n<hr>\n</div>'),
    ('<p>x</p><p>y</p>',
     '<p>x</p><p>y</p>'),
    ('<br><br>',
     '<br><br>'),
    ('<div>a</div><div>b</div>',
     '<div>a</div><div>b</div>'),
    ('<h1>a</h1><h2>b</h2>',
     '<h1>a</h1><h2>b</h2>'),
    ('<span>a</span><div>b</div>',
     '<span>a</span><div>b</div>'),
    ('<html><head><title>x</title></head><body class=a><p>y</p></body></html>',
     '<title>x</title><p>y</p>'),
    ('<head><meta charset=utf-8></head>x',
     '<meta charset="utf-8">x'),
    ('<body>a</body>b',
     '<body>ab</body>'),
    ('x</body>y</html>z',
     'x'),
    ('<title>t</title><meta name=a content=b><link rel=x href=y><style>s</style>',
     '<title>t</title><meta name="a" content="b"><link rel="x" href="y"><style>s</style>'),
    ('<frameset><frame src=a></frameset>',
     '<frameset><frame src="a"></frameset>'),
    ('<noscript><p>x</p></noscript>',
     '<noscript><p>x</p></noscript>'),
    ('<svg viewBox="0 0 16 16"><path d="M0 0"></path><use xlink:href="#x"></use></svg>',
     '<svg viewbox="0 0 16 16"><path d="M0 0"></path><use xlink:href="#x"></use></svg>'),
    ('<math><mi>x</mi></math>',
     '<math><mi>x</mi></math>'),
    ('<table><caption>c</caption><col><colgroup><col></colgroup><tr><td>x</td></tr></table>',
     '<table>\n<caption>c</caption>\n<col>\n<colgroup><col></colgroup>\n<tr><td>x</td></tr>'
     '\n</table>'),
    ('<p>a<table><tr><td>b</td></tr></table>c</p>',
     '<p>a</p><table><tr><td>b</td></tr></table>c'),
    ('<a href=x>a<a href=y>b</a></a>',
     '<a href="x">a</a><a href="y">b</a>'),
    ('<a href=x><div>b</div></a>',
     '<a href="x"><div>b</div></a>'),
    ('<b><p>x</p></b>',
     '<b></b><p>x</p>'),
    ('<i>a<center>b</center></i>',
     '<i>a</i><center>b</center>'),
    ('<font><td>x</td></font>',
     '<font></font><td>x</td>'),
    ('<div><span><div>x</span></div>',
     '<div><span><div>x</div></span></div>'),
    ('<span><div>x</span>y</div>',
     '<span><div>xy</div></span>'),
    ('<td>x</td>',
     '<td>x</td>'),
    ('<tr><td>x',
     '<tr><td>x</td></tr>'),
    ('<table><td>x</td></table>',
     '<table><td>x</td></table>'),
    ('<textarea>a<b>c</b></textarea>',
     '<textarea>a<b>c</b></textarea>'),
    ('<title>a<b>c</b></title>',
     '<title>a<b>c</b>\n</title>'),
    ('<div>\xa0\u2028\x01\x0b\x7f\ufffe</div>',
     '<div>\xa0\u2028\x7f</div>'),
    ('tab\there\r\nline',
     'tab\there\r\nline'),
    ('<p>a\r\nb</p>',
     '<p>a\r\nb</p>'),
    ('x\x00y',
     'x y'),
    ('<a href="&{x};">y</a><a title="<!-- c -->">z</a>',
     '<a href="&%7Bx%7D;">y</a><a title="<!-- c -->">z</a>'),
    ('<a href="javascript:alert(\'x y\')">j</a>',
     '<a href="javascript:alert(\'x%20y\')">j</a>'),
    ('<a href="#a%20b">x</a>',
     '<a href="#a%20b">x</a>'),
    ('<img src="data:image/png;base64,AAA=">',
     '<img src="data:image/png;base64,AAA=">'),
    ('<a href="mailto:a@b.c?subject=a b">m</a>',
     '<a href="mailto:a@b.c?subject=a%20b">m</a>'),
    ('<iframe src=x></iframe><embed src=y><object data=z></object>',
     '<iframe src="x"></iframe><embed src="y"><object data="z"></object></embed>'),
    ('<button>a</button><label>b</label><select></select>',
     '<button>a</button><label>b</label><select></select>'),
    ('<details><summary>s</summary>x</details>',
     '<details><summary>s</summary>x</details>'),
    ('<figure><img src=a><figcaption>c</figcaption></figure>',
     '<figure><img src="a"><figcaption>c</figcaption></figure>'),
    ('<nav><ul><li><a href="/">h</a></li></ul></nav>',
     '<nav><ul><li><a href="/">h</a></li></ul></nav>'),
    ('<header><h1>x</h1></header><footer><p>y</p></footer>',
     '<header><h1>x</h1></header><footer><p>y</p></footer>'),
    ('<div>\n  <p>a</p>\n  <p>b</p>\n</div>',
     '<div>\n  <p>a</p>\n  <p>b</p>\n</div>'),
    ('<ul>\n<li>a</li>\n<li>b</li>\n</ul>',
     '<ul>\n<li>a</li>\n<li>b</li>\n</ul>'),
    ('<li><a>x</a> <b>y</b></li>',
     '<li>\n<a>x</a> <b>y</b>\n</li>'),
    ('<dd><p>x</p><p>y</p></dd>',
     '<dd>\n<p>x</p>\n<p>y</p>\n</dd>'),
    ('<address>a<ul><li>x</li></ul></address>',
     '<address>a</address><ul><li>x</li></ul>'),
    ('<pre>a<ul><li>x</li></ul></pre>',
     '<pre>a</pre><ul><li>x</li></ul>'),
    ('<h1><p>x</p></h1>',
     '<h1></h1><p>x</p>'),
    ('<h2><li>x</li></h2>',
     '<h2></h2><li>x</li>'),
    ('<em><p>x</p></em>',
     '<em><p>x</p></em>'),
    ('<sup>1</sup><sub>2</sub>',
     '<sup>1</sup><sub>2</sub>'),
    ('<p><span>a</span><span>b</span></p>',
     '<p><span>a</span><span>b</span></p>'),
    ('<param name=a><param name=b>',
     '<param name="a"><param name="b">'),
    ('<area><area>',
     '<area><area>'),
    ('<map><area><area></map>',
     '<map><area>\n<area></map>'),
    ('<div><!-- c --><p>x</p></div>',
     '<div>\n<!-- c --><p>x</p>\n</div>'),
    ('<div><p>x</p><!-- c --></div>',
     '<div>\n<p>x</p>\n<!-- c -->\n</div>'),
    ('<div><!-- a --><!-- b --></div>',
     '<div>\n<!-- a --><!-- b -->\n</div>'),
    ('<div><?pi x?><p>y</p></div>',
     '<div>\n<?pi x?><p>y</p>\n</div>'),
    ('&lt;script&gt;',
     '&lt;script&gt;'),
    ('<p>&amp;lt;</p>',
     '<p>&amp;lt;</p>'),
    ('<a title="&quot;\'">x</a>',
     '<a title="&quot;\'">x</a>'),
    ("<a title='&quot;'>x</a>",
     '<a title=\'"\'>x</a>'),
    ("<a href=' x'>y</a>",
     '<a href="x">y</a>'),
    ("<a href='\tx y '>y</a>",
     '<a href="x%20y%20">y</a>'),
    ('<a HREF="A B" Title="C D">x</a>',
     '<a href="A%20B" title="C D">x</a>'),
    ('<img src="é" alt="é">',
     '<img src="%C3%A9" alt="é">'),
    ('<div id="&#0;x">y</div>',
     '<div id="">y</div>'),
    ('<div id="a&#;b">y</div>',
     '<div id="a">y</div>'),
    ('<div id="&bogus;">y</div>',
     '<div id="&amp;bogus;">y</div>'),
    ('<div id="&amp">y</div>',
     '<div id="&amp;amp">y</div>'),
    ('<div id=&amp;x>y</div>',
     '<div id="&amp;x">y</div>'),
    ('<div id=a/>x',
     '<div id="a/">x</div>'),
    ('<a href=/x/>y</a>',
     '<a href="/x/">y</a>'),
    ('<br/ >x',
     '<br>x'),
    ('<br / >x',
     '<br>x'),
    ('<p id=a/ >x</p>',
     '<p id="a/">x</p>'),
    ('<b>\x00y</b>z',
     '<b></b>'),
    ('a\x00b<i>c</i>',
     'a b<i>c</i>'),
    ('<p>a</p>\n<body>b',
     '<body>\n<p>a</p>\nb</body>'),
    (' <body class=x>y',
     '<body> y</body>'),
]

MENTIONS = [
    ('hi @foo',
     'hi <a href="https://github.com/foo" class="user-mention">@foo</a>'),
    ('(@foo)',
     '(<a href="https://github.com/foo" class="user-mention">@foo</a>)'),
    ('@foo.',
     '<a href="https://github.com/foo" class="user-mention">@foo</a>.'),
    ('@foo/bar',
     '@foo/bar'),
    ('@foo-/x',
     '@foo-/x'),
    ('@foo-bar_baz!',
     '<a href="https://github.com/foo-bar_baz" class="user-mention">@foo-bar_baz</a>!'),
    ('a@foo',
     'a@foo'),
    ('é@foo',
     'é<a href="https://github.com/foo" class="user-mention">@foo</a>'),
    ('@mention @Mentioned x',
     '@mention @Mentioned x'),
    ('<a href=x>@foo</a> <code>@bar</code> <pre>@baz</pre> <span>@qux</span>',
     '<a href="x">@foo</a> <code>@bar</code> <pre>@baz</pre> <span><a href="https://github.'
     'com/qux" class="user-mention">@qux</a></span>'),
    ('<p>&lt;@foo&gt; &amp;@bar</p>',
     '<p>&lt;<a href="https://github.com/foo" class="user-mention">@foo</a>&gt; &amp;<a hre'
     'f="https://github.com/bar" class="user-mention">@bar</a></p>'),
    ('line\n@foo\n@bar',
     'line\n<a href="https://github.com/foo" class="user-mention">@foo</a>\n<a href="https:'
     '//github.com/bar" class="user-mention">@bar</a>'),
    ('@a,@b;@c',
     '<a href="https://github.com/a" class="user-mention">@a</a>,<a href="https://github.co'
     'm/b" class="user-mention">@b</a>;<a href="https://github.com/c" class="user-mention">'
     '@c</a>'),
    ('<script>@x</script><style>@y{}</style>',
     '<script>@x</script><style>@y{}</style>'),
    ('<div title="@x">@y</div>',
     '<div title="@x"><a href="https://github.com/y" class="user-mention">@y</a></div>'),
    ('@foo@bar',
     '<a href="https://github.com/foo" class="user-mention">@foo</a>@bar'),
    ("x @foo's",
     'x <a href="https://github.com/foo" class="user-mention">@foo</a>\'s'),
]

@pytest.mark.parametrize(("html", "expected"), ROUND_TRIPS)
def test_fragment_round_trip(html: str, expected: str) -> None:
    assert serialize(parse_fragment(html)) == expected


@pytest.mark.parametrize(("html", "expected"), MENTIONS)
def test_mention_filter(html: str, expected: str) -> None:
    # mentionify filters only bodies the gem's pattern matches; these all do
    assert mentionify(html, "https://github.com") == expected


def test_untouched_without_a_mention() -> None:
    page = "<html><body>\n<p>a@b.com <br /> &copy;</p>\n</body></html>"
    assert mentionify(page, "https://github.com") is page


def test_only_the_body_is_rewritten() -> None:
    page = ('<html><head><meta content="@x"><br /></head><body class="b">\n  '
            "<p>@x <br /></p>\n</body>\n<br /></html>")
    assert mentionify(page, "https://github.com") == (
        '<html><head><meta content="@x"><br /></head><body class="b">\n  '
        '<p><a href="https://github.com/x" class="user-mention">@x</a> <br></p>\n'
        "</body>\n<br /></html>")


@pytest.mark.parametrize(("config", "base"), [
    ({}, "https://github.com"),
    ({"jekyll-mentions": "https://gitlab.com"}, "https://gitlab.com"),
    ({"jekyll-mentions": {"base_url": "https://x.org/~"}}, "https://x.org/~"),
    ({"jekyll-mentions": {"other": 1}}, "https://github.com"),
])
def test_mention_base(config: dict[str, object], base: str) -> None:
    assert mention_base(config) == base


def test_mention_base_rejects_other_types() -> None:
    with pytest.raises(ConfigError, match="It's a Integer right now"):
        mention_base({"jekyll-mentions": 3})


def test_avatar_markup() -> None:
    # {% avatar hubot size=50 %}, as jekyll-avatar 0.8 writes it
    assert avatar_html("hubot", "50") == (
        '<img class="avatar" alt="hubot" width="50" height="50" data-proofer-ignore="true" '
        'src="https://avatars2.githubusercontent.com/hubot?v=3&s=50" '
        'srcset="https://avatars2.githubusercontent.com/hubot?v=3&s=50 1x, '
        "https://avatars2.githubusercontent.com/hubot?v=3&s=100 2x, "
        "https://avatars2.githubusercontent.com/hubot?v=3&s=150 3x, "
        'https://avatars2.githubusercontent.com/hubot?v=3&s=200 4x" />')


def test_excessive_depth_stops_the_parser() -> None:
    # libxml2 halts at xmlParserMaxDepth (html, body and 255 more elements): the rest
    # of the page is gone, as Nokogiri shows
    deep = "<div>" * 300 + "x" + "</div>" * 300 + "after"
    assert serialize(parse_fragment(deep)) == "<div>" * 255 + "</div>" * 255
    fits = "<div>" * 255 + "x" + "</div>" * 255 + "after"
    assert serialize(parse_fragment(fits)) == fits
