"""A tiny OpenID Connect provider served from a thread, for single sign-on tests.

It answers the discovery document, the token endpoint (checking the client's
credentials, the code and the PKCE verifier) and userinfo, as an identity
provider would. The browser step (the provider's own login page) is what the
test plays itself: it reads the state from the redirect and calls back.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import jwt

CLIENT_ID, CODE = "ithaca-test", "one-time-code-42"
CLIENT_SECRET = "stub-secret-long-enough-for-hmac-sha256"


@dataclass
class Stub:
    base: str
    person: dict[str, Any]
    token_requests: list[dict[str, list[str]]] = field(default_factory=list)


def _handler(stub: Stub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output quiet
            pass

        def _json(self, status: int, body: dict[str, Any]) -> None:
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            if self.path == "/.well-known/openid-configuration":
                return self._json(200, discovery(stub.base))
            if self.path == "/userinfo":
                if self.headers.get("Authorization") != "Bearer access-1":
                    return self._json(401, {"error": "invalid_token"})
                return self._json(200, stub.person)
            return self._json(404, {"error": "not_found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = parse_qs(self.rfile.read(length).decode())
            stub.token_requests.append(form)
            good = (
                form.get("client_id") == [CLIENT_ID]
                and form.get("client_secret") == [CLIENT_SECRET]
                and form.get("code") == [CODE]
                and bool(form.get("code_verifier"))
            )
            if self.path != "/token" or not good:
                return self._json(400, {"error": "invalid_grant"})
            return self._json(200, token_response(stub))

    return Handler


def discovery(base: str) -> dict[str, Any]:
    return {
        "issuer": base,
        "authorization_endpoint": f"{base}/authorize",
        "token_endpoint": f"{base}/token",
        "userinfo_endpoint": f"{base}/userinfo",
        "jwks_uri": f"{base}/jwks",
        "token_endpoint_auth_methods_supported": ["client_secret_post"],
    }


def token_response(stub: Stub) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "iss": stub.base,
        "aud": CLIENT_ID,
        "sub": stub.person["sub"],
        "iat": now,
        "exp": now + 300,
    }
    id_token = jwt.encode(claims, CLIENT_SECRET, algorithm="HS256", headers={"kid": "k1"})
    return {
        "access_token": "access-1",
        "token_type": "Bearer",
        "expires_in": 300,
        "id_token": id_token,
    }


@contextmanager
def running(person: dict[str, Any]) -> Iterator[Stub]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    stub = Stub(base=f"http://127.0.0.1:{server.server_address[1]}", person=person)
    server.RequestHandlerClass = _handler(stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
