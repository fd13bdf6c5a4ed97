using System.Globalization;
using System.Net;
using System.Text;

namespace MixpanelSync.Mixpanel;

public sealed partial class MixpanelIngestionClient
{
    private void ApplyResponse(
        SendRequest request,
        PreparedBatch batch,
        Exchange exchange,
        EventOutcome[] outcomes,
        int offset)
    {
        if (exchange.Exception is { } exception)
        {
            var message = $"No response after {request.Statistics.Requests} requests: "
                + $"{exception.GetType().Name}: {exception.Message}";
            FailAll(request, batch, outcomes, offset, OutcomeReason.RetriesExhausted, message);
            Log.RetriesExhausted(
                _logger,
                batch.EventCount,
                request.Description,
                request.Statistics.Requests,
                exception.GetType().Name);
            return;
        }

        var status = exchange.StatusCode!.Value;
        switch (status)
        {
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                RejectCredentials(request, batch, exchange, outcomes, offset);
                return;
            case HttpStatusCode.RequestEntityTooLarge:
                var tooLarge = $"Mixpanel responded with 413 for this event alone ({batch.UncompressedBytes} bytes).";
                Fill(outcomes, offset, batch, EventOutcomeStatus.Rejected, OutcomeReason.TooLargeForRequest, tooLarge);
                return;
            case var transient when MixpanelResilience.IsTransientStatus(transient):
                var message = $"Mixpanel responded {(int)status} to each of {request.Statistics.Requests} requests.";
                FailAll(request, batch, outcomes, offset, OutcomeReason.RetriesExhausted, message);
                Log.RetriesExhausted(
                    _logger,
                    batch.EventCount,
                    request.Description,
                    request.Statistics.Requests,
                    ((int)status).ToString(CultureInfo.InvariantCulture));
                return;
        }

        var response = ImportResponse.Parse(exchange.Body);
        if (PathOf(batch) != "/import")
        {
            ApplyVerboseResponse(request, batch, exchange, response, outcomes, offset);
        }
        else if ((int)status is >= 200 and < 300)
        {
            ApplyImportSuccess(request, batch, response, outcomes, offset);
        }
        else if (status == HttpStatusCode.BadRequest && response is { FailedRecords.Count: > 0 })
        {
            ApplyFailedRecords(request, batch, response, outcomes, offset);
        }
        else
        {
            FailUnexpected(request, batch, exchange, outcomes, offset);
        }
    }

    private void RejectCredentials(
        SendRequest request,
        PreparedBatch batch,
        Exchange exchange,
        EventOutcome[] outcomes,
        int offset)
    {
        var code = (int)exchange.StatusCode!.Value;
        var host = _endpoints.GetBaseAddress(request.Target.Residency).Host;
        var message = $"Mixpanel responded {code}: the credentials ({request.Description}) were rejected. Check the "
            + $"project token or service account and that the project's data residency matches the host {host}.";
        request.Statistics.CredentialsRejected = true;
        FailAll(request, batch, outcomes, offset, OutcomeReason.CredentialsRejected, message);
        Log.CredentialsRejected(_logger, code, PathOf(batch), request.Description, host);
    }

    private void ApplyImportSuccess(
        SendRequest request,
        PreparedBatch batch,
        ImportResponse? response,
        EventOutcome[] outcomes,
        int offset)
    {
        Fill(outcomes, offset, batch, EventOutcomeStatus.Imported, OutcomeReason.None);
        if (response?.NumRecordsImported is { } reported && reported != batch.EventCount)
        {
            Log.ImportCountMismatch(_logger, reported, batch.EventCount, request.Description);
        }
    }

    // A 400 with failed_records is a partial success: Mixpanel stored every event it did not list.
    private void ApplyFailedRecords(
        SendRequest request,
        PreparedBatch batch,
        ImportResponse response,
        EventOutcome[] outcomes,
        int offset)
    {
        Fill(outcomes, offset, batch, EventOutcomeStatus.Imported, OutcomeReason.None);
        Dictionary<string, int>? byInsertId = null;
        var rejected = 0;
        FailedRecord? firstRecord = null;
        foreach (var record in response.FailedRecords)
        {
            var index = ResolveIndex(batch, record, ref byInsertId);
            if (index < 0)
            {
                Log.UnmatchedFailedRecord(
                    _logger,
                    record.Index,
                    record.InsertId,
                    batch.EventCount,
                    request.Description);
                continue;
            }

            if (outcomes[offset + index].Status != EventOutcomeStatus.Rejected)
            {
                rejected++;
            }

            firstRecord ??= record;
            outcomes[offset + index] = EventOutcome.For(
                batch.Events[index],
                EventOutcomeStatus.Rejected,
                OutcomeReason.RejectedByMixpanel,
                record.Field,
                record.Message ?? response.Error);
        }

        Log.EventsRejected(
            _logger,
            rejected,
            batch.EventCount,
            request.Description,
            firstRecord?.Field,
            firstRecord?.Message);
        if (response.NumRecordsImported is { } reported && reported != batch.EventCount - rejected)
        {
            Log.ImportCountMismatch(_logger, reported, batch.EventCount - rejected, request.Description);
        }
    }

    // The index is authoritative; the insert id confirms it, or finds the event if the index does not match.
    private static int ResolveIndex(PreparedBatch batch, FailedRecord record, ref Dictionary<string, int>? byInsertId)
    {
        var indexInRange = record.Index >= 0 && record.Index < batch.EventCount;
        if (indexInRange && (record.InsertId is null || batch.Events[record.Index].InsertId == record.InsertId))
        {
            return record.Index;
        }

        if (record.InsertId is null)
        {
            return -1;
        }

        if (byInsertId is null)
        {
            byInsertId = new Dictionary<string, int>(batch.EventCount, StringComparer.Ordinal);
            for (var i = 0; i < batch.EventCount; i++)
            {
                byInsertId.TryAdd(batch.Events[i].InsertId, i);
            }
        }

        return byInsertId.TryGetValue(record.InsertId, out var found) ? found : -1;
    }

    // /track and /engage with verbose=1 return {"status": 1|0, "error": ...} for the request as a whole, with
    // HTTP 200 even when records are invalid. A failed_records list, if present, narrows the rejection.
    private void ApplyVerboseResponse(
        SendRequest request,
        PreparedBatch batch,
        Exchange exchange,
        ImportResponse? response,
        EventOutcome[] outcomes,
        int offset)
    {
        var statusValue = response?.StatusNumber ?? ReadBareStatus(exchange.Body);
        if (exchange.StatusCode != HttpStatusCode.OK || statusValue is null)
        {
            FailUnexpected(request, batch, exchange, outcomes, offset);
            return;
        }

        if (statusValue == 1)
        {
            Fill(outcomes, offset, batch, EventOutcomeStatus.Imported, OutcomeReason.None);
            return;
        }

        if (response is { FailedRecords.Count: > 0 })
        {
            ApplyFailedRecords(request, batch, response, outcomes, offset);
            return;
        }

        var error = response?.Error ?? $"{PathOf(batch)} reported the request invalid without a reason.";
        Fill(outcomes, offset, batch, EventOutcomeStatus.Rejected, OutcomeReason.RejectedByMixpanel, error);
        Log.EventsRejected(_logger, batch.EventCount, batch.EventCount, request.Description, null, error);
    }

    // Without verbose=1 these endpoints return a bare 1 or 0.
    private static int? ReadBareStatus(byte[] body) => Encoding.UTF8.GetString(body).Trim() switch
    {
        "1" => 1,
        "0" => 0,
        _ => null,
    };

    private void FailUnexpected(
        SendRequest request,
        PreparedBatch batch,
        Exchange exchange,
        EventOutcome[] outcomes,
        int offset)
    {
        var code = (int)exchange.StatusCode!.Value;
        var prefix = DescribeBody(exchange.Body);
        var message = $"Mixpanel responded {code} with an unexpected body: {prefix}";
        FailAll(request, batch, outcomes, offset, OutcomeReason.UnexpectedResponse, message);
        Log.UnexpectedResponse(_logger, code, PathOf(batch), request.Description, batch.EventCount, prefix);
    }

    private static void FailAll(
        SendRequest request,
        PreparedBatch batch,
        EventOutcome[] outcomes,
        int offset,
        OutcomeReason reason,
        string message)
    {
        request.Statistics.Error = message;
        Fill(outcomes, offset, batch, EventOutcomeStatus.Failed, reason, message);
    }

    private static string DescribeBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return "(empty)";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxLoggedBodyCharacters * 4));
        text = text.Length > MaxLoggedBodyCharacters ? text[..MaxLoggedBodyCharacters] + "..." : text;
        return text.ReplaceLineEndings(" ");
    }
}
