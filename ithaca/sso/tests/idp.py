"""A small SAML 2.0 identity provider for the tests, with keys made when it starts.

It reads the AuthnRequest the service provider redirects to it, and answers with
a Response whose assertion it signs (or, when told to, leaves unsigned, dates in
the past, or addresses to another audience). `serve_metadata()` publishes its
metadata over HTTP on 127.0.0.1 for the tests of the metadata-URL setting.
"""

from __future__ import annotations

import base64
import datetime as dt
import threading
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse
from xml.sax.saxutils import escape

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree
from onelogin.saml2.constants import OneLogin_Saml2_Constants as C
from onelogin.saml2.utils import OneLogin_Saml2_Utils

NS = {"samlp": "urn:oasis:names:tc:SAML:2.0:protocol"}


def make_key_pair(common_name: str) -> tuple[str, str]:
    """A fresh RSA key and a self-signed certificate, both PEM."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return key_pem, cert.public_bytes(serialization.Encoding.PEM).decode()


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _cert_body(cert_pem: str) -> str:
    return "".join(line for line in cert_pem.splitlines() if "CERTIFICATE" not in line)


@dataclass
class Request:
    """What the IdP read from an AuthnRequest."""

    id: str
    acs_url: str
    issuer: str
    relay_state: str


@dataclass
class LocalIdP:
    entity_id: str = "https://idp.test/metadata"
    sso_url: str = "https://idp.test/sso"
    key: str = ""
    cert: str = ""
    sessions: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.key:
            self.key, self.cert = make_key_pair("Ithaca test IdP")

    @property
    def cert_body(self) -> str:
        return _cert_body(self.cert)

    def metadata(self) -> str:
        return (
            '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" '
            f'entityID="{escape(self.entity_id)}">'
            '<md:IDPSSODescriptor WantAuthnRequestsSigned="false" '
            'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
            '<md:KeyDescriptor use="signing"><ds:KeyInfo '
            'xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>'
            f"{self.cert_body}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
            "<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
            "</md:NameIDFormat>"
            '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" '
            f'Location="{escape(self.sso_url)}"/>'
            "</md:IDPSSODescriptor></md:EntityDescriptor>"
        )

    def read_request(self, redirect_url: str) -> Request:
        """Decode the HTTP-Redirect binding's SAMLRequest the SP sent the browser to."""
        query = parse_qs(urlparse(redirect_url).query)
        xml = zlib.decompress(base64.b64decode(query["SAMLRequest"][0]), -15)
        root = etree.fromstring(xml)
        issuer = root.find("{urn:oasis:names:tc:SAML:2.0:assertion}Issuer")
        request = Request(
            id=root.get("ID"),
            acs_url=root.get("AssertionConsumerServiceURL"),
            issuer=issuer.text if issuer is not None else "",
            relay_state=query.get("RelayState", [""])[0],
        )
        self.sessions.append(request)
        return request

    def response(
        self,
        request: Request,
        *,
        email: str,
        attributes: dict[str, str] | None = None,
        signed: bool = True,
        audience: str | None = None,
        issued: dt.datetime | None = None,
        lifetime: dt.timedelta = dt.timedelta(minutes=5),
        key: str | None = None,
        cert: str | None = None,
    ) -> str:
        """The base64 SAMLResponse answering `request`, for the SP's ACS."""
        issued = issued or dt.datetime.now(dt.UTC)
        until = issued + lifetime
        assertion_id = f"_a{uuid.uuid4().hex}"
        attrs = {"email": email, **(attributes or {})}
        statements = "".join(
            f'<saml:Attribute Name="{escape(name)}" '
            'NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">'
            f"<saml:AttributeValue>{escape(value)}</saml:AttributeValue></saml:Attribute>"
            for name, value in attrs.items()
        )
        assertion = (
            '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" '
            f'ID="{assertion_id}" Version="2.0" IssueInstant="{_stamp(issued)}">'
            f"<saml:Issuer>{escape(self.entity_id)}</saml:Issuer>"
            "<saml:Subject><saml:NameID "
            'Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">'
            f"{escape(email)}</saml:NameID>"
            '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">'
            f'<saml:SubjectConfirmationData InResponseTo="{request.id}" '
            f'NotOnOrAfter="{_stamp(until)}" Recipient="{escape(request.acs_url)}"/>'
            "</saml:SubjectConfirmation></saml:Subject>"
            f'<saml:Conditions NotBefore="{_stamp(issued - dt.timedelta(seconds=30))}" '
            f'NotOnOrAfter="{_stamp(until)}"><saml:AudienceRestriction>'
            f"<saml:Audience>{escape(audience or request.issuer)}</saml:Audience>"
            "</saml:AudienceRestriction></saml:Conditions>"
            f'<saml:AuthnStatement AuthnInstant="{_stamp(issued)}" '
            f'SessionIndex="{assertion_id}"><saml:AuthnContext><saml:AuthnContextClassRef>'
            "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
            "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
            f"<saml:AttributeStatement>{statements}</saml:AttributeStatement>"
            "</saml:Assertion>"
        )
        if signed:
            assertion = OneLogin_Saml2_Utils.add_sign(
                assertion,
                key or self.key,
                cert or self.cert,
                sign_algorithm=C.RSA_SHA256,
                digest_algorithm=C.SHA256,
            ).decode()
            assertion = assertion.split("?>", 1)[-1].strip()
        response = (
            '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
            'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" '
            f'ID="_r{uuid.uuid4().hex}" Version="2.0" IssueInstant="{_stamp(issued)}" '
            f'Destination="{escape(request.acs_url)}" InResponseTo="{request.id}">'
            f"<saml:Issuer>{escape(self.entity_id)}</saml:Issuer>"
            '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>'
            f"</samlp:Status>{assertion}</samlp:Response>"
        )
        return base64.b64encode(response.encode()).decode()

    @contextmanager
    def serve_metadata(self) -> Iterator[str]:
        """Publish the metadata on 127.0.0.1; yields its URL, stops on exit."""
        body = self.metadata().encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/samlmetadata+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/metadata"
        finally:
            server.shutdown()
            server.server_close()
