console.log("hello from an IWA");
