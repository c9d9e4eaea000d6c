"""Settings of the review app, read from WIRECHECK_REVIEW_* variables (shell layer)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ReviewSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WIRECHECK_REVIEW_", extra="ignore")

    accounts_file: Path | None = Field(
        default=None, description="File of `name:argon2-hash` lines (`wirecheck review --hash-password`).")
    accounts: str = Field(default="", description="The same lines, whitespace-separated, in the environment.")
    organisation: str = Field(default="wirecheck", description="Author of exported ClaimReviews.")
    base_url: str | None = Field(default=None, description="Public address for ClaimReview urls.")
    secure_cookies: bool = Field(default=False, description="Send cookies over HTTPS only (behind TLS).")
