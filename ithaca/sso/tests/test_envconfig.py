"""The SAML identity provider read from environment variables (pure, no database)."""

from __future__ import annotations

import pytest

from ithaca.sso.envconfig import SamlConfigError, saml_app
from ithaca.sso.tests.idp import LocalIdP


def test_saml_is_off_when_no_identity_provider_is_named() -> None:
    assert saml_app({}) is None
    assert saml_app({"SAML_IDP_SSO_URL": "https://idp.example/sso"}) is None


def test_an_incomplete_description_fails_loudly() -> None:
    with pytest.raises(SamlConfigError, match="SAML_IDP_X509CERT"):
        saml_app({"SAML_IDP_ENTITY_ID": "https://idp.example"})


def test_a_metadata_file_gives_entity_id_sign_on_url_and_certificate(tmp_path) -> None:
    idp = LocalIdP()
    path = tmp_path / "idp.xml"
    path.write_text(idp.metadata())
    app = saml_app({"SAML_IDP_METADATA_FILE": str(path)})
    assert app is not None
    assert app["settings"]["idp"] == {
        "entity_id": idp.entity_id,
        "sso_url": idp.sso_url,
        "x509cert": idp.cert_body,
    }


def test_a_file_that_is_not_metadata_is_refused(tmp_path) -> None:
    path = tmp_path / "idp.xml"
    path.write_text("<html/>")
    with pytest.raises(SamlConfigError):
        saml_app({"SAML_IDP_METADATA_FILE": str(path)})


def test_assertions_must_be_signed_and_attribute_names_can_be_replaced() -> None:
    app = saml_app(
        {
            "SAML_IDP_ENTITY_ID": "https://idp.example",
            "SAML_IDP_METADATA_URL": "https://idp.example/metadata",
            "SAML_ATTR_DEPARTMENT": "dept, orgUnit",
            "SAML_SIGNUP": "false",
        }
    )
    assert app is not None
    settings = app["settings"]
    assert settings["advanced"]["want_assertion_signed"] is True
    assert settings["advanced"]["reject_idp_initiated_sso"] is True
    assert settings["attribute_mapping"]["department"] == ["dept", "orgUnit"]
    assert settings["signup"] is False
