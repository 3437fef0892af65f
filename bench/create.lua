-- The lifecycle write path: create a service account, then issue it a credential; repeat.
-- Each connection alternates the two requests; identifiers are unique per run, thread and request.
local counter = 0
local pending = nil
local run = os.getenv("RUN") or tostring(os.time())
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
    local path = "/api/v1/service-accounts/" .. pending .. "/credentials"
    pending = nil
    return wrk.format("POST", path, json_headers(), "{}")
  end
  counter = counter + 1
  local identifier = string.format("w-%s-%d-%d-%d", run, tid or 0, math.random(1, 1000000000), counter)
  return wrk.format("POST", "/api/v1/service-accounts", json_headers(), '{"identifier":"' .. identifier .. '"}')
end

response = function(status, headers, body)
  local location = headers["Location"] or headers["location"]
  if status == 201 and location and location:find("/service%-accounts/[0-9a-f%-]+$") then
    pending = location:match("/service%-accounts/([0-9a-f%-]+)$")
  end
end
