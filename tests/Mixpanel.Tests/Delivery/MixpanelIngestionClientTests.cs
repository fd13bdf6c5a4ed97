using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using static MixpanelSync.Mixpanel.Tests.FakeMixpanelHandler;
using static MixpanelSync.Mixpanel.Tests.TestEvents;

namespace MixpanelSync.Mixpanel.Tests.Delivery;

public sealed class MixpanelIngestionClientTests
{
    private static DeliveryHarness CreateSut(
        Func<RecordedRequest, int, HttpResponseMessage> respond,
        Action<MixpanelDeliveryOptions>? configure = null)
    {
        var calls = 0;
        return new DeliveryHarness(
            (request, _) => Task.FromResult(respond(request, Interlocked.Increment(ref calls))),
            configure);
    }

    private const string TooLargeBody =
        """{"code":413,"error":"request exceeds max limit of 2097152 bytes","status":"Request Entity Too Large"}""";

    private static IEnumerable<MixpanelEvent> Events(int count) => Enumerable.Range(0, count).Select(Typical);

    [Fact]
    public async Task SendAsync_Accepted_ReportsEveryEventImported()
    {
        using var harness = CreateSut((_, _) => ImportOk(3));
        var batch = harness.Prepare(Events(3));

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), batch);

        Assert.Equal(BatchStatus.Completed, result.Status);
        Assert.Equal(3, result.ImportedCount);
        Assert.Equal([0L, 1L, 2L], result.Outcomes.Select(o => o.SourceKey));
        Assert.All(result.Outcomes, o => Assert.Equal(EventOutcomeStatus.Imported, o.Status));
        Assert.Equal(1, result.Requests);
    }

    [Fact]
    public async Task SendAsync_ProjectToken_PostsGzippedNdjsonWithStrictAndBasicAuth()
    {
        using var harness = CreateSut((_, _) => ImportOk(2));
        var batch = harness.Prepare(Events(2));

        await harness.Client.SendAsync(DeliveryHarness.Target(), batch);

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.mixpanel.com/import?strict=1", request.Uri.AbsoluteUri);
        Assert.Equal("Basic", request.AuthorizationScheme);
        Assert.Equal(DeliveryHarness.Token + ":", request.BasicCredentials);
        Assert.Equal("application/x-ndjson", request.MediaType);
        Assert.True(request.Gzipped);
        Assert.Equal(batch.GzippedBody.ToArray(), request.RawBody);
        Assert.Equal(batch.Events.Select(e => e.InsertId), request.InsertIds());
    }

    [Fact]
    public async Task SendAsync_ServiceAccount_SendsUserSecretAndProjectId()
    {
        using var harness = CreateSut((_, _) => ImportOk(1));
        var account = new ServiceAccountCredentials("sync-bot.123.mp-service-account", "s3cret", "3141592");
        var target = MixpanelTarget.ForServiceAccount(MixpanelResidency.Eu, account);

        await harness.Client.SendAsync(target, harness.Prepare(Events(1)));

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("https://api-eu.mixpanel.com/import?strict=1&project_id=3141592", request.Uri.AbsoluteUri);
        Assert.Equal("sync-bot.123.mp-service-account:s3cret", request.BasicCredentials);
    }

    [Theory]
    [InlineData(MixpanelResidency.Us, "api.mixpanel.com")]
    [InlineData(MixpanelResidency.Eu, "api-eu.mixpanel.com")]
    [InlineData(MixpanelResidency.In, "api-in.mixpanel.com")]
    public async Task SendAsync_Residency_SelectsItsHost(MixpanelResidency residency, string host)
    {
        using var harness = CreateSut((_, _) => ImportOk(1));

        await harness.Client.SendAsync(DeliveryHarness.Target(residency), harness.Prepare(Events(1)));

        Assert.Equal(host, Assert.Single(harness.Handler.Requests).Uri.Host);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task SendAsync_TransientStatusThenSuccess_RetriesSameBytes(HttpStatusCode status)
    {
        using var harness = CreateSut((_, call) => call == 1 ? Text(status, "<html>busy</html>") : ImportOk(2));
        var batch = harness.Prepare(Events(2));

        var result = await harness.RunAsync(harness.Client.SendAsync(DeliveryHarness.Target(), batch));

        Assert.Equal(BatchStatus.Completed, result.Status);
        Assert.Equal(2, result.ImportedCount);
        var requests = harness.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].RawBody, requests[1].RawBody);
    }

    [Fact]
    public async Task SendAsync_RateLimited_WaitsTwoSecondsPlusJitter()
    {
        using var harness = CreateSut((_, call) => call == 1 ? RateLimited() : ImportOk(1));

        var result = await harness.RunAsync(
            harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(1))));

        var requests = harness.Handler.Requests;
        var delay = requests[1].SentAt - requests[0].SentAt;
        Assert.InRange(delay, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7.2));
        Assert.Equal(1, result.RateLimitedResponses);
    }

    [Fact]
    public async Task SendAsync_RepeatedFailures_BacksOffExponentiallyUpToSixtySeconds()
    {
        using var harness = CreateSut(
            (_, _) => Text(HttpStatusCode.ServiceUnavailable, "unavailable"),
            options => options.MaxAttempts = 8);

        var result = await harness.RunAsync(
            harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(1))),
            TimeSpan.FromMilliseconds(250));

        var sentAt = harness.Handler.Requests.Select(r => r.SentAt).ToArray();
        var delays = sentAt.Zip(sentAt.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
        double[] backoff = [2, 4, 8, 16, 32, 60, 60];
        Assert.Equal(backoff.Length, delays.Length);
        for (var i = 0; i < delays.Length; i++)
        {
            Assert.InRange(delays[i], backoff[i] + 1, backoff[i] + 5.5);
        }

        Assert.Equal(BatchStatus.RetriesExhausted, result.Status);
    }

    [Fact]
    public async Task SendAsync_RetryAfterHeader_WaitsThatLong()
    {
        using var harness = CreateSut((_, call) =>
        {
            if (call > 1)
            {
                return ImportOk(1);
            }

            var response = RateLimited();
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(20));
            return response;
        });

        await harness.RunAsync(harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(1))));

        var requests = harness.Handler.Requests;
        Assert.InRange(requests[1].SentAt - requests[0].SentAt, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20.2));
    }

    [Fact]
    public async Task SendAsync_AlwaysRateLimited_StopsAtMaxAttemptsAndFailsEvents()
    {
        using var harness = CreateSut((_, _) => RateLimited(), options => options.MaxAttempts = 4);

        var result = await harness.RunAsync(
            harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(3))));

        Assert.Equal(4, harness.Handler.Requests.Count);
        Assert.Equal(BatchStatus.RetriesExhausted, result.Status);
        Assert.Equal(4, result.RateLimitedResponses);
        Assert.All(result.Outcomes, o => Assert.Equal(OutcomeReason.RetriesExhausted, o.Reason));
        Assert.All(result.Outcomes, o => Assert.Equal(EventOutcomeStatus.Failed, o.Status));
        Assert.Contains(
            harness.Logs.Entries,
            e => e.Level == LogLevel.Warning && e.Message.Contains("attempt 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ConnectionFailureThenSuccess_Retries()
    {
        using var harness = CreateSut((_, call) => call == 1
            ? throw new HttpRequestException("Connection reset by peer", new IOException("reset"))
            : ImportOk(1));

        var result = await harness.RunAsync(
            harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(1))));

        Assert.Equal(BatchStatus.Completed, result.Status);
        Assert.Equal(2, result.Requests);
    }

    [Fact]
    public async Task SendAsync_HangingAttempt_TimesOutAndRetries()
    {
        var calls = 0;
        using var harness = new DeliveryHarness(
            async (_, cancellationToken) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                return ImportOk(1);
            },
            options => options.AttemptTimeout = TimeSpan.FromSeconds(5));

        var result = await harness.RunAsync(
            harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(1))));

        Assert.Equal(BatchStatus.Completed, result.Status);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.InRange(
            harness.Handler.Requests[1].SentAt - harness.Handler.Requests[0].SentAt,
            TimeSpan.FromSeconds(8),
            TimeSpan.FromSeconds(12.5));
    }

    [Fact]
    public async Task SendAsync_PartialFailure_MapsFailedRecordsToEvents()
    {
        const string Body = """
            {"code":400,"error":"some data points in the request failed validation","status":"Bad Request",
             "num_records_imported":2,
             "failed_records":[{"index":1,"insert_id":"%ID%","field":"properties.time",
               "message":"'properties.time' is invalid: must be specified as seconds since epoch"}]}
            """;
        using var harness = CreateSut((request, _) =>
            Json(HttpStatusCode.BadRequest, Body.Replace("%ID%", request.InsertIds()[1], StringComparison.Ordinal)));

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(3)));

        Assert.Equal(BatchStatus.Completed, result.Status);
        Assert.Equal(
            [EventOutcomeStatus.Imported, EventOutcomeStatus.Rejected, EventOutcomeStatus.Imported],
            result.Outcomes.Select(o => o.Status));
        var rejected = result.Outcomes[1];
        Assert.Equal(OutcomeReason.RejectedByMixpanel, rejected.Reason);
        Assert.Equal("properties.time", rejected.Field);
        Assert.Contains("seconds since epoch", rejected.Message, StringComparison.Ordinal);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task SendAsync_FailedRecordWithDollarInsertId_IsMatched()
    {
        using var harness = CreateSut((request, _) => Json(
            HttpStatusCode.BadRequest,
            $$"""
            {"code":400,"status":"Bad Request","num_records_imported":1,
             "failed_records":[{"index":0,"$insert_id":"{{request.InsertIds()[0]}}",
               "field":"properties.distinct_id","message":"bad"}]}
            """));

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(2)));

        Assert.Equal(EventOutcomeStatus.Rejected, result.Outcomes[0].Status);
        Assert.Equal(EventOutcomeStatus.Imported, result.Outcomes[1].Status);
    }

    [Fact]
    public async Task SendAsync_FailedRecordIndexDisagreesWithInsertId_TrustsInsertId()
    {
        using var harness = CreateSut((request, _) => Json(
            HttpStatusCode.BadRequest,
            $$"""
            {"code":400,"failed_records":[
              {"index":0,"insert_id":"{{request.InsertIds()[2]}}","field":"event","message":"bad"},
              {"index":99,"field":"event","message":"lost"}]}
            """));

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(3)));

        Assert.Equal(
            [EventOutcomeStatus.Imported, EventOutcomeStatus.Imported, EventOutcomeStatus.Rejected],
            result.Outcomes.Select(o => o.Status));
        Assert.Contains(harness.Logs.Entries, e => e.Id.Id == 1009);
    }

    [Theory]
    [InlineData("<html><body>Bad Request</body></html>")]
    [InlineData("""{"code":400,"error":"request exceeds max of 2000 records","status":"Bad Request"}""")]
    [InlineData("")]
    public async Task SendAsync_BadRequestWithoutFailedRecords_FailsEventsWithoutRetry(string body)
    {
        using var harness = CreateSut((_, _) => Text(HttpStatusCode.BadRequest, body));

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(2)));

        Assert.Equal(BatchStatus.UnexpectedResponse, result.Status);
        Assert.All(result.Outcomes, o => Assert.Equal(OutcomeReason.UnexpectedResponse, o.Reason));
        Assert.Single(harness.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task SendAsync_CredentialsRejected_StopsWithoutRetryAndNamesResidency(HttpStatusCode status)
    {
        using var harness = CreateSut((_, _) =>
            Json(status, """{"code":401,"error":"Invalid credentials","status":"Unauthorized"}"""));

        var result = await harness.Client.SendAsync(
            DeliveryHarness.Target(MixpanelResidency.Eu),
            harness.Prepare(Events(2)));

        Assert.Equal(BatchStatus.CredentialsRejected, result.Status);
        Assert.Single(harness.Handler.Requests);
        Assert.All(result.Outcomes, o => Assert.Equal(OutcomeReason.CredentialsRejected, o.Reason));
        Assert.Contains("residency", result.Error, StringComparison.Ordinal);
        var error = Assert.Single(harness.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("api-eu.mixpanel.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("cdef", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AnyOutcome_NeverLogsTheFullToken()
    {
        using var harness = CreateSut((_, call) => call switch
        {
            1 => RateLimited(),
            2 => Json(
                HttpStatusCode.BadRequest,
                """{"failed_records":[{"index":0,"field":"event","message":"bad"}]}"""),
            _ => Json(HttpStatusCode.Unauthorized, "{}"),
        });
        var target = DeliveryHarness.Target();

        await harness.RunAsync(harness.Client.SendAsync(target, harness.Prepare(Events(2))));
        await harness.Client.SendAsync(target, harness.Prepare(Events(2)));

        Assert.NotEmpty(harness.Logs.Entries);
        Assert.DoesNotContain(
            harness.Logs.Entries,
            e => e.Message.Contains(DeliveryHarness.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(DeliveryHarness.Token, target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_PayloadTooLarge_SplitsUntilAccepted()
    {
        using var harness = CreateSut((request, _) => request.Events().Count > 2
            ? Text(HttpStatusCode.RequestEntityTooLarge, "<html><h1>413 Request Entity Too Large</h1></html>")
            : ImportOk(request.Events().Count));
        var batch = harness.Prepare(Events(7));

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), batch);

        Assert.Equal(BatchStatus.Completed, result.Status);
        Assert.Equal(7, result.ImportedCount);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (long)i), result.Outcomes.Select(o => o.SourceKey));
        var accepted = harness.Handler.Requests.Where(r =>
            r.Events().Count <= 2).SelectMany(r => r.InsertIds()).ToList();
        Assert.Equal(batch.Events.Select(e => e.InsertId).Order(), accepted.Order());
    }

    [Fact]
    public async Task SendAsync_SingleOversizeEvent_IsRejectedAndOthersImported()
    {
        using var harness = CreateSut((request, _) => request.BodyText.Contains(
            "\"oversize\"",
            StringComparison.Ordinal)
            ? Json(HttpStatusCode.RequestEntityTooLarge, TooLargeBody)
            : ImportOk(request.Events().Count));
        var events = Events(5).ToList();
        events[3] = Create(sourceKey: 3, properties: [("$insert_id", "big-3"), ("oversize", true)]);

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(events));

        Assert.Equal(BatchStatus.Completed, result.Status);
        Assert.Equal(4, result.ImportedCount);
        Assert.Equal(OutcomeReason.TooLargeForRequest, result.Outcomes[3].Reason);
        Assert.Equal(EventOutcomeStatus.Rejected, result.Outcomes[3].Status);
    }

    [Fact]
    public async Task SendAsync_SuccessWithoutJson_ReportsImported()
    {
        using var harness = CreateSut((_, _) => Text(HttpStatusCode.OK, "1", "text/plain"));

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), harness.Prepare(Events(1)));

        Assert.Equal(1, result.ImportedCount);
    }

    [Fact]
    public async Task SendAsync_Cancelled_Throws()
    {
        using var harness = CreateSut((_, _) => RateLimited());
        using var cancellation = new CancellationTokenSource();
        var sending = harness.Client.SendAsync(
            DeliveryHarness.Target(),
            harness.Prepare(Events(1)),
            cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    [Fact]
    public async Task SendAsync_TrackEndpoint_PostsFormWithTokenAndVerbose()
    {
        using var harness = CreateSut((_, _) => Json(HttpStatusCode.OK, """{"status":1,"error":null}"""));
        var batch = harness.Prepare(Events(2), MixpanelIngestionEndpoint.Track);

        var result = await harness.Client.SendAsync(DeliveryHarness.Target(), batch);

        Assert.Equal(2, result.ImportedCount);
        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("https://api.mixpanel.com/track?verbose=1&ip=0", request.Uri.AbsoluteUri);
        Assert.Equal("application/x-www-form-urlencoded", request.MediaType);
        Assert.Null(request.AuthorizationScheme);
        var events = request.Events();
        Assert.Equal(2, events.Count);
        Assert.All(
            events,
            e => Assert.Equal(DeliveryHarness.Token, e.GetProperty("properties").GetProperty("token").GetString()));
    }

    [Fact]
    public async Task SendAsync_TrackStatusZero_RejectsEventsWithMixpanelError()
    {
        using var harness = CreateSut((_, _) => Json(HttpStatusCode.OK, """{"status":0,"error":"Invalid token"}"""));

        var result = await harness.Client.SendAsync(
            DeliveryHarness.Target(),
            harness.Prepare(Events(2), MixpanelIngestionEndpoint.Track));

        Assert.Equal(2, result.RejectedCount);
        Assert.All(result.Outcomes, o => Assert.Equal("Invalid token", o.Message));
    }

    [Fact]
    public async Task SendAsync_RepairedEvent_ReportsWarningsWithOutcome()
    {
        using var harness = CreateSut((_, _) => ImportOk(1));

        var result = await harness.Client.SendAsync(
            DeliveryHarness.Target(),
            harness.Prepare([Create(properties: [("note", new string('a', 300))])]));

        Assert.Equal(ValidationCode.StringTruncated, Assert.Single(result.Outcomes[0].Warnings!).Code);
    }

    [Fact]
    public void ForProjectToken_UndefinedResidency_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MixpanelTarget.ForProjectToken(default, "token"));
    }

    [Fact]
    public void Mask_Token_KeepsOnlyLastFourCharacters()
    {
        Assert.Equal(new string('*', 28) + "cdef", Secrets.Mask(DeliveryHarness.Token));
        Assert.Equal("***", Secrets.Mask("abc"));
    }

    [Fact]
    public void Describe_ServiceAccount_OmitsSecret()
    {
        var target = MixpanelTarget.ForServiceAccount(
            MixpanelResidency.Us,
            new ServiceAccountCredentials("bot", "hunter2", "42"));

        Assert.DoesNotContain("hunter2", target.ToString(), StringComparison.Ordinal);
        Assert.Contains("42", target.ToString(), StringComparison.Ordinal);
    }
}
