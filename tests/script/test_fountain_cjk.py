"""Fountain in scripts without letter case: Japanese, Chinese and Korean cues.

Fountain marks a cue by upper case, which Han, kana and hangul do not have; a short line of
them alone above speech is the cue, and full-width parentheses ``（…）`` work as ASCII ones
do. Every scene here is written for these tests.
"""

from __future__ import annotations

from rehearsal.script.import_fountain import import_bytes, parse_text
from rehearsal.script.model import Script
from tests.script.support.views import actions

Block = tuple[str, str | None, bool, list[tuple[str, str]]]


def blocks(script: Script) -> list[Block]:
    return [
        (d.character, d.extension, d.dual, [(p.kind.value[:5], p.text) for p in d.parts])
        for d in script.dialogues()
    ]


JAPANESE = """\
Title: 夜の駅

INT. 駅のホーム - 夜

ジョンがベンチに座っている。ハナコが階段を降りてくる。

ジョン
（失われた）
ここはどこだ？

ハナコ（V.O.）
東京駅よ。最終電車はもう出たわ。

ジョン
なぜ君がここに？
（立ち上がる）
待ってくれ。

ハナコ・スズキ
（振り返らずに）
さようなら。

駅員
お客さん、もう閉めますよ。

二人は黙って改札を出る。
"""


def test_japanese_cues_extensions_and_full_width_parentheticals() -> None:
    script = parse_text(JAPANESE)
    assert script.title == "夜の駅"
    assert script.characters == ["ジョン", "ハナコ", "ハナコ・スズキ", "駅員"]
    assert blocks(script) == [
        ("ジョン", None, False, [("paren", "（失われた）"), ("speec", "ここはどこだ？")]),
        ("ハナコ", "V.O.", False, [("speec", "東京駅よ。最終電車はもう出たわ。")]),
        (
            "ジョン",
            None,
            False,
            [("speec", "なぜ君がここに？"), ("paren", "（立ち上がる）"), ("speec", "待ってくれ。")],
        ),
        ("ハナコ・スズキ", None, False, [("paren", "（振り返らずに）"), ("speec", "さようなら。")]),
        ("駅員", None, False, [("speec", "お客さん、もう閉めますよ。")]),
    ]
    assert actions(script) == [
        "ジョンがベンチに座っている。ハナコが階段を降りてくる。",
        "二人は黙って改札を出る。",
    ]


CHINESE = """\
INT. 茶馆 - 白天

老王擦着桌子。

老王
客官，您来点什么？

李四 (O.S.)
一壶龙井。

老王
（低声）
又是他。
（高声）
马上就来！

小二
来了来了。
"""


def test_chinese_cues_with_ascii_and_full_width_parentheses() -> None:
    script = parse_text(CHINESE)
    assert script.characters == ["老王", "李四", "小二"]
    assert blocks(script) == [
        ("老王", None, False, [("speec", "客官，您来点什么？")]),
        ("李四", "O.S.", False, [("speec", "一壶龙井。")]),
        (
            "老王",
            None,
            False,
            [
                ("paren", "（低声）"),
                ("speec", "又是他。"),
                ("paren", "（高声）"),
                ("speec", "马上就来！"),
            ],
        ),
        ("小二", None, False, [("speec", "来了来了。")]),
    ]
    assert actions(script) == ["老王擦着桌子。"]


KOREAN = """\
EXT. 한강 공원 - 밤

김철수가 강을 바라본다.

김철수
(혼잣말로)
여기까지 왔구나.

이영희 (V.O.)
철수야, 어디야?

김철수 ^
지금 가고 있어.

밤이 깊어간다.
그들은 말이 없다.

이영희（O.S.）
（웃으며）
거짓말.
"""


def test_korean_cues_names_with_spaces_dual_and_a_sentence_that_is_no_cue() -> None:
    script = parse_text(KOREAN)
    assert script.characters == ["김철수", "이영희"]
    assert blocks(script) == [
        ("김철수", None, False, [("paren", "(혼잣말로)"), ("speec", "여기까지 왔구나.")]),
        ("이영희", "V.O.", True, [("speec", "철수야, 어디야?")]),
        ("김철수", None, True, [("speec", "지금 가고 있어.")]),
        ("이영희", "O.S.", False, [("paren", "（웃으며）"), ("speec", "거짓말.")]),
    ]
    assert actions(script) == ["김철수가 강을 바라본다.", "밤이 깊어간다. 그들은 말이 없다."]


def test_a_cjk_file_in_utf16_with_crlf_reads_the_same() -> None:
    data = "\ufeff".encode("utf-16-le") + CHINESE.replace("\n", "\r\n").encode("utf-16-le")
    assert blocks(import_bytes(data)) == blocks(parse_text(CHINESE))


def test_latin_cues_are_unchanged_and_a_latin_cue_takes_a_full_width_extension() -> None:
    text = "JOHN\nHello.\n\nJohn\nNot a cue.\n\nJOSÉ（V.O.）\nHola.\n\nMcDUCK\nNo cue either.\n"
    script = parse_text(text)
    assert blocks(script) == [
        ("JOHN", None, False, [("speec", "Hello.")]),
        ("JOSÉ", "V.O.", False, [("speec", "Hola.")]),
    ]
    assert actions(script) == ["John Not a cue.", "McDUCK No cue either."]
