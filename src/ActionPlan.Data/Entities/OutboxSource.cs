namespace ActionPlan.Data.Entities;

/// <summary>What caused an <see cref="OutboxMessage"/>; with its source key it is sent once per channel.</summary>
public enum OutboxSource
{
    /// <summary>The alerts one deadline scan raised (key: the scan's batch, <see cref="Alert.NotifiedOrder"/>).</summary>
    Alerts = 0,

    /// <summary>A 催报, automatic or by hand (key: the <see cref="ReportChase"/> id).</summary>
    Chase = 1,

    /// <summary>发送测试消息 on the channel page (key: a new random id).</summary>
    Test = 2,
}
