"""Crisis referral: choose support services for an author by country and language.

The directory is a YAML file (service/resources/crisis_resources.yaml by default; platforms
point ``HAVEN_RESOURCES_FILE`` at their own reviewed copy). Every listing must be verified by
the deploying platform; the directory's ``notice`` travels with each referral.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from service.errors import ReferralError

ANY = "*"


class Resource(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    countries: list[str] = Field(min_length=1)
    languages: list[str] = Field(min_length=1)
    audiences: list[str] = Field(default_factory=lambda: ["everyone"])
    phone: str | None = None
    text: str | None = None
    url: str | None = None
    hours: str = Field(min_length=1)
    notes: str | None = None
    verify_before_use: bool = True

    @field_validator("countries")
    @classmethod
    def _countries(cls, value: list[str]) -> list[str]:
        for code in value:
            if code != ANY and not (len(code) == 2 and code.isalpha()):
                raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 code or '*'")
        return [c.upper() for c in value]

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        return [c.lower() for c in value]

    @model_validator(mode="after")
    def _reachable(self) -> Resource:
        if not (self.phone or self.text or self.url):
            raise ValueError("needs at least one of phone, text or url")
        return self

    @property
    def international(self) -> bool:
        return ANY in self.countries


class Directory(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: str
    last_reviewed: str | None = None
    notice: str = Field(min_length=1)
    emergency_numbers: dict[str, str] = Field(default_factory=dict)
    resources: list[Resource] = Field(min_length=1)

    @model_validator(mode="after")
    def _checks(self) -> Directory:
        ids = [r.id for r in self.resources]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate resource ids: {', '.join(duplicates)}")
        if not any(r.international for r in self.resources):
            raise ValueError("needs at least one international resource (countries: ['*'])")
        return self


def load_directory(path: Path) -> Directory:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ReferralError(f"{path}: cannot read YAML: {exc}") from exc
    try:
        return Directory.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: "
            f"{e['msg'].removeprefix('Value error, ')}"
            for e in exc.errors()
        )
        raise ReferralError(f"{path}: {problems}") from exc


def primary_language(tag: str | None) -> str | None:
    """``ar-LB`` -> ``ar``; referral matches on the primary language subtag."""
    if not tag:
        return None
    return tag.replace("_", "-").split("-")[0].lower() or None


class ReferralService:
    """Builds the ``referral`` object of a ``refer`` decision."""

    def __init__(self, directory: Directory, *, max_resources: int = 4) -> None:
        self.directory = directory
        self.max_resources = max_resources

    @classmethod
    def from_file(cls, path: Path, *, max_resources: int = 4) -> ReferralService:
        return cls(load_directory(path), max_resources=max_resources)

    def select(self, country: str | None, language: str | None) -> list[Resource]:
        """Local services in the author's language first, then other local services, then the
        international fallback, which always keeps the last slot so nobody gets an empty list."""
        country = country.upper() if country else None
        lang = primary_language(language)

        def speaks(r: Resource) -> bool:
            return lang is None or ANY in r.languages or lang in r.languages

        local = [r for r in self.directory.resources if country and country in r.countries]
        international = [r for r in self.directory.resources if r.international]
        intl_in_language = [r for r in international if lang and lang in r.languages]
        intl_general = [r for r in international if r not in intl_in_language]
        ordered = (
            [r for r in local if speaks(r)]
            + [r for r in local if not speaks(r)]
            + intl_in_language
        )
        picked = ordered[: max(self.max_resources - 1, 0)]
        return picked + intl_general[: max(self.max_resources - len(picked), 1)]

    def referral(self, country: str | None, language: str | None) -> dict[str, Any]:
        resources = self.select(country, language)
        emergency = self.directory.emergency_numbers.get(country.upper()) if country else None
        danger = (
            f"If you are in immediate danger, call {emergency} now."
            if emergency
            else "If you are in immediate danger, call your local emergency number now."
        )
        return {
            "message": "You don't have to face this alone. " + danger
            + " These services offer free, confidential support.",
            "country": country.upper() if country else None,
            "language": language,
            "emergency_number": emergency,
            "resources": [
                r.model_dump(exclude_none=True, exclude={"countries"}) for r in resources
            ],
            "notice": self.directory.notice,
            "directory_version": self.directory.version,
        }
