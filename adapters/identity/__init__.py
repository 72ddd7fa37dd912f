"""Identity adapters: OIDC relying party (ID-porten profile), machine-token verification
(Maskinporten profile), browser sessions, and the in-process development identity provider."""
