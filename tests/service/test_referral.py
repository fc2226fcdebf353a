"""The crisis-resource directory and referral selection."""

from __future__ import annotations

import pytest
import yaml

from service.errors import ReferralError
from service.referral import ReferralService, load_directory
from service.settings import DEFAULT_RESOURCES_FILE


@pytest.fixture(scope="module")
def service() -> ReferralService:
    return ReferralService.from_file(DEFAULT_RESOURCES_FILE, max_resources=4)


def ids(resources) -> list[str]:
    return [r.id for r in resources]


def test_shipped_directory_is_valid_and_covers_required_services():
    directory = load_directory(DEFAULT_RESOURCES_FILE)
    assert all(r.verify_before_use for r in directory.resources)
    assert "verified by the deploying platform" in directory.notice
    by_id = {r.id: r for r in directory.resources}
    assert by_id["us-988-lifeline"].phone == "988"
    assert by_id["gb-ie-samaritans"].phone == "116 123"
    assert any("lgbtq" in r.audiences for r in directory.resources)
    assert any("ar" in r.languages for r in directory.resources)
    assert any(r.international for r in directory.resources)
    for resource in directory.resources:
        assert resource.hours and (resource.phone or resource.text or resource.url)


@pytest.mark.parametrize(
    ("country", "language", "first"),
    [("US", "en", "us-988-lifeline"), ("GB", "en-GB", "gb-ie-samaritans"),
     ("IE", "en", "gb-ie-samaritans"), ("LB", "ar", "lb-embrace-lifeline"),
     ("DE", "de", "de-telefonseelsorge"), ("BR", "pt-BR", "br-cvv"), ("CA", "fr", "ca-988"),
     ("AU", None, "au-lifeline"), ("FR", "fr", "fr-3114")],
)
def test_local_services_first_and_fallback_last(service, country, language, first):
    picked = service.select(country, language)
    assert picked[0].id == first
    assert picked[-1].international
    assert len(picked) <= 4


def test_language_match_ranks_before_other_local_services(service):
    picked = ids(service.select("CA", "fr"))
    assert picked.index("ca-kids-help-phone") < picked.index("intl-find-a-helpline")
    assert "ca-trans-lifeline" not in picked[:2]  # English-only line ranks after French ones


def test_unknown_country_gets_international_fallback(service):
    picked = service.select("JP", "ja")
    assert picked and all(r.international for r in picked)
    referral = service.referral(None, "ar")
    assert referral["emergency_number"] is None
    assert "local emergency number" in referral["message"]


def test_referral_names_emergency_number_and_notice(service):
    referral = service.referral("gb", "en")
    assert referral["country"] == "GB" and referral["emergency_number"] == "999"
    assert "999" in referral["message"] and referral["notice"]
    assert {"name", "hours", "languages", "verify_before_use"} <= set(referral["resources"][0])


def test_platform_override_file(make_harness, tmp_path):
    own = tmp_path / "ours.yaml"
    own.write_text(yaml.safe_dump({
        "version": "acme-1", "notice": "Verified by Acme on 2026-01-01.",
        "resources": [
            {"id": "acme-line", "name": "Acme Care Line", "countries": ["US"],
             "languages": ["en"], "phone": "555-0100", "hours": "24/7"},
            {"id": "acme-web", "name": "Acme help", "countries": ["*"], "languages": ["*"],
             "url": "https://help.example", "hours": "24/7"},
        ]}))
    h = make_harness(resources_file=own)
    r = h.moderate(h.key("p"), {"id": "1", "text": "end it all", "country": "US"})
    referral = r.json()["results"][0]["referral"]
    assert [x["id"] for x in referral["resources"]] == ["acme-line", "acme-web"]
    assert referral["directory_version"] == "acme-1"


@pytest.mark.parametrize(
    ("resources", "message"),
    [
        ([{"id": "x", "name": "X", "countries": ["USA"], "languages": ["en"], "phone": "1",
           "hours": "24/7"}], "resources.0.countries"),
        ([{"id": "x", "name": "X", "countries": ["US"], "languages": ["en"], "hours": "24/7"}],
         "needs at least one of phone, text or url"),
        ([{"id": "x", "name": "X", "countries": ["US"], "languages": ["en"], "phone": "1",
           "hours": "24/7"}], "needs at least one international resource"),
    ],
)
def test_invalid_directory_names_the_problem(tmp_path, resources, message):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({"version": "1", "notice": "n", "resources": resources}))
    with pytest.raises(ReferralError, match=message):
        load_directory(path)
