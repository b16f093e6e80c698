"""Labels: cleaning, joining wrapped lines, footnote markers and the tolerant enum mappers (issue 3)."""

from __future__ import annotations

import pytest

from normalizers.labels import (
    clean_text,
    economics_section,
    is_total_label,
    join_lines,
    normalize_key,
    proposal_type,
    recommendation,
    split_footnote_marker,
)


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Øget fokus på bor-", "gere med demens"], "Øget fokus på borgere med demens"),
        (["seksuel chikane og se-", "xisme"], "seksuel chikane og sexisme"),
        (["Velfærdsrejser for ældre (pilot-", "projekt)"], "Velfærdsrejser for ældre (pilotprojekt)"),
        (["Ikke relevant at vide-", "reføre."], "Ikke relevant at videreføre."),
        (["Beløb som ud-", "løber (2026-pl)", "1.000 kr."], "Beløb som udløber (2026-pl) 1.000 kr."),
        (["Sundheds-", "og Omsorgsforvaltningen"], "Sundheds- og Omsorgsforvaltningen"),
        (["Børne-", "eller ungeområdet"], "Børne- eller ungeområdet"),
        (["Frikøb til ICM-", "indsats"], "Frikøb til ICM-indsats"),
        (["tværgående KK-", "aktivitet"], "tværgående KK-aktivitet"),
        (["I alt 2019-", "2022"], "I alt 2019-2022"),
        (["Flere skal med- og JobFirst-", "projektet"], "Flere skal med- og JobFirst-projektet"),
        (["hjemmepleje i SOFs-", "regi"], "hjemmepleje i SOFs-regi"),
        (["ud\u00ad", "løber"], "udløber"),
        (["ud\u2010", "løber"], "udløber"),
        (["Forvaltningens", "Anbefaling"], "Forvaltningens Anbefaling"),
        (["  Styrings-  ", "område "], "Styringsområde"),
        (["a", "", "b"], "a b"),
        (["Depot -", "Genbrug"], "Depot - Genbrug"),
        (["efter tilvænning og leveregels-/", "kulturworkshop fra indflytning"],
         "efter tilvænning og leveregels-/kulturworkshop fra indflytning"),
    ],
)
def test_join_lines(lines, joined):
    assert join_lines(lines) == joined


def test_join_lines_known_words_settle_ambiguous_hyphens():
    assert join_lines(["komme-og-", "gå"], {"komme-og-gå"}) == "komme-og-gå"
    assert join_lines(["service-", "ydelser"], {"serviceydelser"}) == "serviceydelser"
    assert join_lines(["service-", "ydelser"], {"service-ydelser,"}) == "service-ydelser"
    assert join_lines(["Region-", "Hovedstaden"]) == "Region-Hovedstaden"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Madklubber   på\nplejehjem ", "Madklubber på plejehjem"),
        ("Sund\u00adhed", "Sundhed"),
        ("\u22121.800", "-1.800"),
        ("- 1.690", "-1.690"),
        ("\u20131.800 kr.", "-1.800 kr."),
        (
            "Implementeringsomkostninger \u2013terapeutfaglige kompetencer",
            "Implementeringsomkostninger \u2013terapeutfaglige kompetencer",
        ),
        ("\ufb01nansiering", "finansiering"),
        ("a\u00a0b", "a b"),
        ("Ikke relevant at vide\x02reføre.", "Ikke relevant at videreføre."),
        ("tværgående KK\x02aktivitet", "tværgående KK-aktivitet"),
        (None, ""),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Madklubber på plejehjem*", ("Madklubber på plejehjem", True)),
        ("Rekruttering til seniorklubber *", ("Rekruttering til seniorklubber", True)),
        ("Tilskud¹", ("Tilskud", True)),
        ("Tilskud²³", ("Tilskud", True)),
        ("Faste teams og øget tryghed på plejehjem", ("Faste teams og øget tryghed på plejehjem", False)),
        ("2 * 3", ("2 * 3", False)),
        ("*", ("*", False)),
        ("", ("", False)),
    ],
)
def test_split_footnote_marker(label, expected):
    assert split_footnote_marker(label) == expected


@pytest.mark.parametrize(
    ("text", "enum"),
    [
        ("Bør videreføres", "continue"),
        ("bør  videreføres.", "continue"),
        ("Politisk", "political"),
        ("Ikke relevant at videreføre", "discontinue"),
        ("Ikke relevant at videreføre.", "discontinue"),
        ("Ikke relevant at vide- reføre.", "discontinue"),
        ("Ikke relevant at vide\u2010 reføre", "discontinue"),
        ("Dækket ved forhandlinger om budget 2025", "handled"),
        ("Bevillingsudløb, der allerede er håndteret eller håndteres på anden vis", "handled"),
        ("Bør viderefores", "continue"),
        ("", None),
        ("Faste teams", None),
    ],
)
def test_recommendation(text, enum):
    assert recommendation(text) == enum


@pytest.mark.parametrize(
    ("text", "enum"),
    [
        ("INVESTERINGSFORSLAG", "investment"),
        ("Investeringsforslag", "investment"),
        ("INNOVATIONSFORSLAG", "innovation"),
        ("EFFEKTIVISERINGSFORSLAG", "efficiency"),
        ("EFFEKTIVISERINGS- FORSLAG", "efficiency"),
        ("FORTROLIGT", None),
        (None, None),
    ],
)
def test_proposal_type(text, enum):
    assert proposal_type(text) == enum


@pytest.mark.parametrize(
    ("label", "section"),
    [
        ("Varige ændringer", "permanent"),
        ("Implementeringsomkostninger", "implementation"),
        ("Samlet varig ændring", "total_permanent"),
        ("Varige ændringer i alt", "total_permanent"),
        ("Samlede implementeringsomkostninger", "total_implementation"),
        ("Samlede implementerings- Omkostninger", "total_implementation"),
        ("Samlet økonomisk påvirkning", "total"),
        ("samlet  økonomisk  påvirkning", "total"),
        ("Implementeringsomkostninger \u2013terapeutfaglige kompetencer", None),
        ("Implementeringsudgifter stomikonsulent", None),
        ("Besparelse ved oplæring af borger", None),
        ("Varige ændringer totalt, service", None),
        ("", None),
    ],
)
def test_economics_section(label, section):
    assert economics_section(label) == section


@pytest.mark.parametrize(
    ("label", "total"),
    [
        ("Bevillingsudløb 2026 i alt", True),
        ("I alt", True),
        ("I alt for beskæftigelsesområdet", True),
        ("Samlet varig ændring", True),
        ("Samlede implementeringsomkostninger", True),
        ("Total", True),
        ("Varige ændringer totalt, service", True),
        ("Socialinitiativer", False),
        ("Alternativ behandling", False),
        ("Totalrenovering af plejehjem", False),
        ("Implementeringsomkostninger", False),
    ],
)
def test_is_total_label(label, total):
    assert is_total_label(label) is total


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Styrings-\u00adområde", "styrings-område"),
        ("Sundheds-  og Omsorgsforvaltningen", "sundheds- og omsorgsforvaltningen"),
        ("Ikke relevant at vide- reføre", "ikke relevant at videreføre"),
        ("2019\u20132022", "2019-2022"),
    ],
)
def test_normalize_key(a, b):
    assert normalize_key(a) == b
