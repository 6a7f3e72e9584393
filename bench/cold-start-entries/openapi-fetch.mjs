import createClient from "openapi-fetch";

createClient({
  baseUrl: "https://api.cloudflare.com/client/v4",
  headers: { Authorization: "Bearer token" },
});
