import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { ConnectionBanner } from "@/components/ui/connection-banner";
import { NavBar } from "@/components/ui/nav-bar";
import { THEME_BOOTSTRAP } from "@/components/ui/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: "LWS Console",
  description: "Run, see and debug Kubernetes LeaderWorkerSets",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOTSTRAP }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>
          <NavBar />
          <ConnectionBanner />
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
