import Cloudflare from "cloudflare";

new Cloudflare({ apiToken: "token", apiKey: null, apiEmail: null, userServiceKey: null });
