-- The lifecycle write paths, two requests per cycle, each counted:
--   default:      create a service account, then issue it a credential
--   THEN=revoke:  create a service account with a credential, then revoke that credential; the
--                 revoke announces the change, and in cluster mode returns only after every other
--                 node has forgotten the credential
-- Identifiers are unique per run, thread and request.
local counter = 0
local pending = nil
local run = os.getenv("RUN") or tostring(os.time())
local revoke = os.getenv("THEN") == "revoke"
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end

-- wrk.format uses only the headers it is given: keep the -H ones (Authorization) too
local function json_headers()
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  return headers
end

request = function()
  if pending then
    local path = pending
    pending = nil
    return wrk.format("POST", path, json_headers(), "{}")
  end
  counter = counter + 1
  local identifier = string.format("w-%s-%d-%d-%d", run, tid or 0, math.random(1, 1000000000), counter)
  local credential = revoke and ',"credential":{}' or ''
  return wrk.format("POST", "/api/v1/service-accounts", json_headers(),
    '{"identifier":"' .. identifier .. '"' .. credential .. '}')
end

response = function(status, headers, body)
  local location = headers["Location"] or headers["location"]
  local account = status == 201 and location and location:match("/service%-accounts/([0-9a-f%-]+)$")
  if not account then
    return
  end
  if not revoke then
    pending = "/api/v1/service-accounts/" .. account .. "/credentials"
  else
    local key = body:match('"keyId"%s*:%s*"(sak_[^"]+)"')
    if key then
      pending = "/api/v1/service-accounts/" .. account .. "/credentials/" .. key .. "/revoke"
    end
  end
end
