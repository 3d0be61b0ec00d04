using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Switchboard.FunctionalTests.WebConsole;

/// <summary>
/// Debian's Chromium, headless, driven through Debian's chromedriver (nothing is downloaded), with waits that poll the
/// page and screenshots written under <see cref="ScreenshotDirectory"/> (the test output's <c>console-screenshots</c>).
/// </summary>
public sealed class ConsoleBrowser : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string DriverDirectory = "/usr/bin";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ChromeDriver _driver;

    public ConsoleBrowser()
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        // --no-sandbox: CI runs the tests as root, where Chromium's sandbox cannot start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--mute-audio",
            "--autoplay-policy=no-user-gesture-required", "--window-size=1280,900", "--lang=en-US");
        // The page's console: script errors and Content-Security-Policy refusals land there.
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        _driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(15);
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    public IWebDriver Driver => _driver;

    public void GoTo(Uri address) => _driver.Navigate().GoToUrl(address);

    public void Resize(int width, int height) => _driver.Manage().Window.Size = new System.Drawing.Size(width, height);

    /// <summary>Saves what the window shows as <c>{name}.png</c>.</summary>
    public string Screenshot(string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        _driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>
    /// What the page reported as errors since the last call: script exceptions and refused loads (the policy's), not the
    /// API's own refusals, which a test provokes (a wrong key, a bad field) and the page shows.
    /// </summary>
    public IReadOnlyList<string> PageErrors() => _driver.Manage().Logs.GetLog(LogType.Browser)
        .Where(entry => entry.Level == LogLevel.Severe && !entry.Message.Contains("Failed to load resource", StringComparison.Ordinal))
        .Select(entry => entry.Message)
        .ToList();

    public object? Script(string script, params object[] arguments) => _driver.ExecuteScript(script, arguments);

    public object? AsyncScript(string script, params object[] arguments) => _driver.ExecuteAsyncScript(script, arguments);

    /// <summary>The first element <paramref name="css"/> finds that is shown, waiting for it.</summary>
    public IWebElement WaitFor(string css, TimeSpan? patience = null) =>
        WaitUntil(() => _driver.FindElements(By.CssSelector(css)).FirstOrDefault(element => element.Displayed), $"an element {css}", patience);

    /// <summary>Waits until <paramref name="found"/> answers something other than null (or false), polling the page.</summary>
    public T WaitUntil<T>(Func<T?> found, string what, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (true)
        {
            try
            {
                if (found() is { } value && value is not false)
                {
                    return value;
                }
            }
            catch (StaleElementReferenceException)
            {
                // The page re-rendered the element between finding and reading it: look again.
            }

            if (DateTime.UtcNow > deadline)
            {
                Screenshot("timeout-" + DateTime.UtcNow.ToString("HHmmssfff", System.Globalization.CultureInfo.InvariantCulture));
                throw new TimeoutException($"waited {patience ?? Patience} for {what}; the page shows: {_driver.FindElement(By.TagName("body")).Text}");
            }

            Thread.Sleep(100);
        }
    }

    public void Dispose() => _driver.Quit();
}
