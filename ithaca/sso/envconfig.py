"""The SAML identity provider described by environment variables, for settings.py.

Pure: reads a mapping, returns allauth's app description (or None). No Django
import, so config/settings.py can call it. The same description can instead be
entered in the admin as a "Social application" of provider SAML (docs/deployment.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Ithaca's keys -> the attribute names identity providers commonly send. The first
# one present in an assertion wins; SAML_ATTR_<KEY> replaces a list with one name.
DEFAULT_ATTRIBUTE_MAPPING: dict[str, list[str]] = {
    "uid": ["urn:oasis:names:tc:SAML:attribute:subject-id"],
    "email": [
        "email",
        "urn:oid:0.9.2342.19200300.100.1.3",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    ],
    "first_name": [
        "firstName",
        "urn:oid:2.5.4.42",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
    ],
    "last_name": [
        "lastName",
        "urn:oid:2.5.4.4",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
    ],
    "department": [
        "department",
        "urn:oid:2.16.840.1.113730.3.1.2",
        "http://schemas.microsoft.com/ws/2008/06/identity/claims/department",
    ],
    "job_title": [
        "title",
        "jobTitle",
        "urn:oid:2.5.4.12",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/title",
    ],
}
MAPPED_KEYS = tuple(DEFAULT_ATTRIBUTE_MAPPING)


class SamlConfigError(ValueError):
    """The SAML_* variables do not describe a usable identity provider."""


def _idp(env: Mapping[str, str]) -> dict[str, Any]:
    entity_id = env.get("SAML_IDP_ENTITY_ID", "")
    url = env.get("SAML_IDP_METADATA_URL", "")
    xml_file = env.get("SAML_IDP_METADATA_FILE", "")
    if url:
        if not entity_id:
            raise SamlConfigError("SAML_IDP_METADATA_URL is set: set SAML_IDP_ENTITY_ID too.")
        return {"entity_id": entity_id, "metadata_url": url}
    if xml_file:
        return _idp_from_metadata(Path(xml_file).read_text(), entity_id or None)
    sso_url, cert = env.get("SAML_IDP_SSO_URL", ""), env.get("SAML_IDP_X509CERT", "")
    if not (entity_id and sso_url and cert):
        raise SamlConfigError(
            "SAML is on: set SAML_IDP_METADATA_URL (with SAML_IDP_ENTITY_ID), "
            "SAML_IDP_METADATA_FILE, or SAML_IDP_ENTITY_ID, SAML_IDP_SSO_URL and "
            "SAML_IDP_X509CERT."
        )
    return {"entity_id": entity_id, "sso_url": sso_url, "x509cert": cert}


def _idp_from_metadata(xml: str, entity_id: str | None) -> dict[str, Any]:
    from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser

    try:
        idp = OneLogin_Saml2_IdPMetadataParser.parse(xml, entity_id=entity_id).get("idp", {})
    except Exception as error:  # lxml and the parser raise several kinds
        raise SamlConfigError(f"SAML_IDP_METADATA_FILE is not IdP metadata: {error}") from None
    cert = idp.get("x509cert") or (idp.get("x509certMulti", {}).get("signing") or [""])[0]
    sso_url = idp.get("singleSignOnService", {}).get("url", "")
    if not (idp.get("entityId") and sso_url and cert):
        raise SamlConfigError(
            "SAML_IDP_METADATA_FILE lacks an entity ID, a sign-on URL or a signing certificate."
        )
    return {"entity_id": idp["entityId"], "sso_url": sso_url, "x509cert": cert}


def attribute_mapping(env: Mapping[str, str]) -> dict[str, list[str]]:
    mapping = {key: list(names) for key, names in DEFAULT_ATTRIBUTE_MAPPING.items()}
    for key in MAPPED_KEYS:
        override = env.get(f"SAML_ATTR_{key.upper()}", "")
        if override:
            mapping[key] = [name.strip() for name in override.split(",") if name.strip()]
    return mapping


def saml_app(env: Mapping[str, str]) -> dict[str, Any] | None:
    """allauth's APPS entry for the provider the environment names, or None when off.

    Assertions must be signed and addressed to us whatever the IdP's defaults:
    python3-saml checks the signature, the audience, the destination and the
    validity window; `ithaca.sso.views` adds the replay check.
    """
    if not any(env.get(name) for name in ("SAML_IDP_ENTITY_ID", "SAML_IDP_METADATA_FILE")):
        return None
    signup = env.get("SAML_SIGNUP", env.get("SSO_SIGNUP", "true")).strip().lower()
    return {
        "provider_id": "saml",
        "name": env.get("SAML_NAME", "") or "Single sign-on (SAML)",
        "client_id": env.get("SAML_ORGANIZATION", "") or "sso",
        "settings": {
            "idp": _idp(env),
            "sp": {"entity_id": env.get("SAML_SP_ENTITY_ID", "")}
            if env.get("SAML_SP_ENTITY_ID")
            else {},
            "attribute_mapping": attribute_mapping(env),
            "verified_email": True,
            "signup": signup in {"1", "true", "yes", "on"},
            "advanced": {
                "want_assertion_signed": True,
                "reject_idp_initiated_sso": env.get("SAML_ALLOW_IDP_INITIATED", "") != "true",
                "strict": True,
            },
        },
    }
